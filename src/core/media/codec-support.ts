/** What people call a codec, from the names containers and mediabunny give it. */
const CODEC_NAMES: Readonly<Record<string, string>> = {
  alac: 'ALAC (Apple Lossless)',
  ac3: 'AC-3 (Dolby Digital)',
  'ac-3': 'AC-3 (Dolby Digital)',
  a_ac3: 'AC-3 (Dolby Digital)',
  eac3: 'E-AC-3 (Dolby Digital Plus)',
  'ec-3': 'E-AC-3 (Dolby Digital Plus)',
  a_eac3: 'E-AC-3 (Dolby Digital Plus)',
  dts: 'DTS',
  a_dts: 'DTS',
  dtsc: 'DTS',
  a_truehd: 'Dolby TrueHD',
  mlpa: 'Dolby TrueHD',
  a_mlp: 'Dolby TrueHD',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  vorbis: 'Vorbis',
  flac: 'FLAC',
};

/**
 * A readable codec name from mediabunny's codec (null when it does not know the codec) and the
 * container's own identifier (an MP4 sample entry such as `alac`, a Matroska CodecID such as `A_AC3`).
 */
export function codecName(codec: string | null, containerId: unknown): string {
  for (const id of [codec, typeof containerId === 'string' ? containerId : null]) {
    if (id && CODEC_NAMES[id.toLowerCase()]) return CODEC_NAMES[id.toLowerCase()];
  }
  const raw = codec ?? (typeof containerId === 'string' || typeof containerId === 'number' ? String(containerId) : null);
  return raw ? `"${raw}"` : 'an unknown';
}

/** A file this browser has no decoder for: which codec, and what to do about it. */
export function undecodableMessage(name: string, codec: string): string {
  return `${name} uses the ${codec} audio codec, which this browser cannot decode: convert it to AAC, MP3, Opus or WAV (for example with ffmpeg or VLC), then try again.`;
}

export function noAudioMessage(name: string): string {
  return `${name} has no audio track. Pick a file with sound, or the original recording.`;
}
