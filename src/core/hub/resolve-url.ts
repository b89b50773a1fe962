/** Where the hub serves one file of a repo at a commit (it redirects LFS files to its CDN). */
export const resolveUrl = (hubUrl: string, repo: string, commit: string, path: string): string =>
  `${hubUrl}/${repo}/resolve/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`;
