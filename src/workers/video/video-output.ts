import { canEncodeVideo, MkvOutputFormat, Mp4OutputFormat, WebMOutputFormat, type Input, type InputAudioTrack, type OutputFormat, type VideoCodec } from 'mediabunny';
import { StudioError } from '../../core/errors.ts';

/** The container and codec a burn-in writes: H.264 in MP4 where this browser encodes it, else VP9 in WebM. */
export async function burnFormat(width: number, height: number): Promise<{ format: OutputFormat; codec: VideoCodec }> {
  if (await canEncodeVideo('avc', { width, height })) return { format: new Mp4OutputFormat({ fastStart: false }), codec: 'avc' };
  if (await canEncodeVideo('vp9', { width, height })) return { format: new WebMOutputFormat(), codec: 'vp9' };
  throw new StudioError({ code: 'unsupported', message: `This browser cannot encode ${width}×${height} video as H.264 or VP9, so captions cannot be burned in here. Export the subtitles as a track or a file instead.` });
}

/**
 * The container a soft-subtitle copy keeps: the input's own family when it takes every track's codec
 * and WebVTT (MP4 for MP4 and MOV, WebM for WebM), else Matroska, which takes nearly any codec.
 */
export async function softFormat(input: Input): Promise<OutputFormat> {
  const name = (await input.getFormat()).name;
  const family = /mp4|quicktime|mov/i.test(name) ? new Mp4OutputFormat({ fastStart: false }) : /webm/i.test(name) ? new WebMOutputFormat() : new MkvOutputFormat();
  const codecs = (await input.getTracks()).map((t) => t.codec).filter((c) => c !== null);
  return codecs.every((c) => family.getSupportedCodecs().includes(c)) ? family : new MkvOutputFormat();
}

/** Whether the audio goes in as its packets: the container takes its codec and no re-encode was asked for. */
export function audioPlan(track: InputAudioTrack | null, format: OutputFormat, reencode: boolean): 'copied' | 're-encoded' | 'none' {
  if (!track) return 'none';
  return !reencode && track.codec !== null && format.getSupportedAudioCodecs().includes(track.codec) ? 'copied' : 're-encoded';
}
