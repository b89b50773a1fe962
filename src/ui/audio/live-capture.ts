import workletUrl from './capture-worklet.ts?worker&url';
import type { CaptureControl } from './capture-worklet.ts';

/** What to caption: a microphone (the default one, or one picked), or a tab, window or screen with its audio. */
export type LiveSource = { readonly kind: 'microphone'; readonly deviceId?: string } | { readonly kind: 'screen' };

export interface OpenSource {
  readonly source: LiveSource;
  readonly stream: MediaStream;
  readonly track: MediaStreamTrack;
}

/** Audio being captured into a port (16 kHz mono samples as they come, then `end`), and recorded. */
export interface Capture {
  /** The capture stopped by itself (a device unplugged, sharing ended): why, in words for the person. */
  onended: (reason: string) => void;
  /** Stops capturing; the recording (Opus in WebM where the browser can), or null if nothing was recorded. */
  stop(): Promise<File | null>;
}

/** A capture error the person can act on. */
export class CaptureError extends Error {}

/** A muted track delivers no audio: this long, and the device is taken to have stopped. */
const MUTED_MS = 3000;

/**
 * The browser's voice-call processing off: automatic gain ramps up at each onset after a pause and
 * clips first words, and noise suppression smears speech; Whisper was trained on plain recordings.
 */
const RAW_AUDIO = Object.freeze({ echoCancellation: false, noiseSuppression: false, autoGainControl: false });

async function openStream(source: LiveSource, media: MediaDevices): Promise<MediaStream> {
  try {
    if (source.kind === 'screen') return await media.getDisplayMedia({ audio: RAW_AUDIO, video: true });
    return await media.getUserMedia({ audio: source.deviceId ? { ...RAW_AUDIO, deviceId: { exact: source.deviceId } } : RAW_AUDIO });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (source.kind === 'screen') throw new CaptureError('Nothing is shared: pick a tab, window or screen to caption (and allow it when the browser asks).');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CaptureError('That microphone is not connected: plug it in, or pick another one.');
    throw new CaptureError('The microphone is not available: allow access to it in the browser, or pick a file instead.');
  }
}

function audioOf(stream: MediaStream, source: LiveSource): MediaStreamTrack {
  const track = stream.getAudioTracks()[0];
  if (track) return track;
  stream.getTracks().forEach((t) => t.stop());
  throw new CaptureError(
    source.kind === 'screen'
      ? 'The browser shared no audio. Share a browser tab and tick "Also share tab audio" (Chrome and Edge; on Windows and ChromeOS a whole screen too). Windows, and Firefox and Safari, share no audio.'
      : 'The microphone gave no audio track.',
  );
}

/** The track ended or stayed muted: `onstop` is told once. */
function watchTrack(track: MediaStreamTrack, source: LiveSource, onstop: (reason: string) => void): void {
  const what = source.kind === 'screen' ? 'The shared tab or screen stopped sending audio (sharing ended)' : 'The microphone stopped sending audio (unplugged, or taken by another app)';
  let muted: ReturnType<typeof setTimeout> | undefined;
  track.addEventListener('ended', () => onstop(`${what}. What was heard is kept.`), { once: true });
  track.addEventListener('mute', () => (muted = setTimeout(() => onstop(`${what}. What was heard is kept.`), MUTED_MS)));
  track.addEventListener('unmute', () => clearTimeout(muted));
}

/** The source's audio, asked for at once (the browser's permission or sharing prompt): capturing starts later. */
export async function openSource(source: LiveSource, media: MediaDevices): Promise<OpenSource> {
  const stream = await openStream(source, media);
  return Object.freeze({ source, stream, track: audioOf(stream, source) });
}

/**
 * Captures an opened source into `port`: an AudioWorklet turns it into 16 kHz samples for the
 * worker; MediaRecorder keeps a recording, each second's chunk also handed to `onchunk` as it comes.
 */
export async function startCapture({ source, stream, track }: OpenSource, port: MessagePort, onchunk: (chunk: Blob) => void = () => undefined): Promise<Capture> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule(workletUrl);
  const node = new AudioWorkletNode(context, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 1 });
  node.port.postMessage(Object.freeze<CaptureControl>({ type: 'port', port }), [port]);
  // The worklet is pulled through a muted output: it must run, but nothing is played back.
  const mute = new GainNode(context, { gain: 0 });
  context.createMediaStreamSource(new MediaStream([track])).connect(node).connect(mute).connect(context.destination);
  await context.resume();
  const recorder = new MediaRecorder(new MediaStream([track]), MediaRecorder.isTypeSupported('audio/webm;codecs=opus') ? { mimeType: 'audio/webm;codecs=opus' } : {});
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size === 0) return;
    chunks.push(event.data);
    onchunk(event.data);
  };
  recorder.start(1000);
  let stopping: Promise<File | null> | null = null;
  const capture: Capture = {
    onended: () => undefined,
    stop: () =>
      (stopping ??= new Promise<File | null>((resolve) => {
        node.port.postMessage(Object.freeze<CaptureControl>({ type: 'stop' }));
        recorder.onstop = () => {
          stream.getTracks().forEach((t) => t.stop());
          void context.close();
          const type = recorder.mimeType || 'audio/webm';
          resolve(chunks.length ? new File(chunks, `live-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.webm`, { type }) : null);
        };
        recorder.stop();
      })),
  };
  watchTrack(track, source, (reason) => capture.onended(reason));
  return capture;
}
