/** Extensions of media files a browser may not give a type for (a folder pick often gives none). */
const MEDIA_EXTENSIONS = /\.(aac|aif|aiff|alac|amr|avi|caf|flac|m4a|m4b|m4v|mka|mkv|mov|mp2|mp3|mp4|mpeg|mpg|oga|ogg|ogv|opus|ts|wav|weba|webm|wma|wmv)$/i;

/** The audio and video files of a folder, by type or else by extension; the rest (notes, images) is left out. */
export function mediaOnly<T extends { readonly name: string; readonly type: string }>(files: readonly T[]): T[] {
  return files.filter((file) => /^(audio|video)\//.test(file.type) || ((file.type === '' || file.type === 'application/octet-stream') && MEDIA_EXTENSIONS.test(file.name)));
}
