import { ALL_FORMATS, BlobSource, Input, type InputAudioTrack } from 'mediabunny';
import { codecName, noAudioMessage, undecodableMessage } from '../../core/media/codec-support.ts';

export interface OpenedMedia {
  readonly kind: 'opened';
  readonly input: Input;
  readonly track: InputAudioTrack;
  /** From the container's metadata (or, lacking it, a scan): progress and estimates use it. */
  readonly seconds: number;
}

/** Nothing to transcribe, decided from the container's metadata alone: no audio, or no decoder here. */
export interface RefusedMedia {
  readonly kind: 'refused';
  readonly message: string;
}

/** A container the reader cannot open: the browser may still decode the file whole. */
export interface UnreadableMedia {
  readonly kind: 'unreadable';
  readonly reason: string;
}

/** Why this browser cannot decode the track, or null when it can (AudioDecoder.isConfigSupported with the track's config). */
async function undecodable(track: InputAudioTrack, name: string): Promise<string | null> {
  if (await track.canDecode()) return null;
  return undecodableMessage(name, codecName(track.codec, await track.getInternalCodecId()));
}

/**
 * A media file's first audio track, when its container can be read piece by piece and this browser
 * has a decoder for its codec; otherwise why not.
 */
export async function openMedia(file: Blob, name: string): Promise<OpenedMedia | RefusedMedia | UnreadableMedia> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) return drop(input, { kind: 'refused', message: noAudioMessage(name) });
    const refused = await undecodable(track, name);
    if (refused !== null) return drop(input, { kind: 'refused', message: refused });
    const seconds = (await input.getDurationFromMetadata([track])) ?? (await input.computeDuration([track]));
    return { kind: 'opened', input, track, seconds };
  } catch (error) {
    return drop(input, { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) });
  }
}

function drop<T>(input: Input, result: T): T {
  input.dispose();
  return result;
}
