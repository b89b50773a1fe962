import { ALL_FORMATS, BlobSource, Input, type InputAudioTrack } from 'mediabunny';

export interface OpenedMedia {
  readonly input: Input;
  readonly track: InputAudioTrack;
  /** From the container's metadata (or, lacking it, a scan): progress and estimates use it. */
  readonly seconds: number;
}

/**
 * A media file's first audio track, when its container can be read piece by piece and this browser
 * has a decoder for its codec; otherwise why not (the whole-file fallback decides what to say).
 */
export async function openMedia(file: Blob): Promise<OpenedMedia | { readonly unsupported: string }> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) return drop(input, 'no audio track');
    if (!(await track.canDecode())) return drop(input, `no decoder for ${track.codec ?? 'its codec'}`);
    const seconds = (await input.getDurationFromMetadata([track])) ?? (await input.computeDuration([track]));
    return { input, track, seconds };
  } catch (error) {
    return drop(input, error instanceof Error ? error.message : String(error));
  }
}

function drop(input: Input, unsupported: string): { unsupported: string } {
  input.dispose();
  return { unsupported };
}
