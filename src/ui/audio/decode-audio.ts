import { StudioError } from '../../core/errors.ts';
import { SAMPLE_RATE } from '../../core/media/samples.ts';

/** Bigger files than this would need several GB once decoded; refuse them before starting. */
export const MAX_MEDIA_BYTES = 2 * 1024 ** 3;

/**
 * Any audio or video the browser can decode, as 16 kHz mono samples, resampled by the browser
 * (OfflineAudioContext mixes channels down and resamples in one render).
 */
export async function decodeAudio(file: Blob & { name?: string }): Promise<Float32Array> {
  const name = file.name ?? 'The recording';
  if (file.size === 0) throw new StudioError({ code: 'invalid-input', message: `${name} is empty. Pick another file.` });
  if (file.size > MAX_MEDIA_BYTES) {
    throw new StudioError({ code: 'invalid-input', message: `${name} is too long for this device's memory (over 2 GB). Split it into shorter parts, or extract the audio track first.` });
  }
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await file.arrayBuffer());
  } catch {
    throw new StudioError({ code: 'invalid-input', message: `${name} is not audio or video this browser can decode, or it is damaged. Try a WAV, MP3, OGG, FLAC, M4A/MP4 or WebM file.` });
  } finally {
    void context.close();
  }
  const length = Math.ceil(decoded.duration * SAMPLE_RATE);
  if (length === 0) throw new StudioError({ code: 'invalid-input', message: `${name} has no sound in it.` });
  const offline = new OfflineAudioContext(1, length, SAMPLE_RATE);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  return (await offline.startRendering()).getChannelData(0);
}
