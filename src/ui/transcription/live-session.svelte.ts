import { CaptureError, type Capture, type LiveSource, type OpenSource } from '../audio/live-capture.ts';
import type { RecordingSink } from '../storage/recording-chunks.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import type { LiveTranscription } from './live-transcription.svelte.ts';
import type { RunEnd, TranscribeOptions } from './transcribe-options.ts';

export type LivePhase = 'idle' | 'starting' | 'live' | 'stopping';

export interface LiveSessionDeps {
  readonly transcription: Pick<LiveTranscription, 'listen' | 'text'>;
  readonly transcript: Pick<Transcript, 'keepMedia' | 'cues'>;
  /** Whether a transcription runs (one at a time). */
  readonly busy: () => boolean;
  /** Asks for the source's audio (the browser's prompt); capturing starts once the model is ready. */
  readonly open: (source: LiveSource) => Promise<OpenSource>;
  readonly capture: (opened: OpenSource, port: MessagePort, onchunk: (chunk: Blob) => void) => Promise<Capture>;
  /** Where the session's project keeps its recording as it comes (so a reload or crash keeps it), or null. */
  readonly recording?: () => RecordingSink | null;
  /** The microphones the browser lists (names only once access was allowed). */
  readonly microphones: () => Promise<readonly MediaDeviceInfo[]>;
  /** Remove the session's project: its source could not be opened, so it holds nothing. */
  readonly discard?: () => Promise<void>;
  readonly now?: () => Date;
}

const sessionName = (source: LiveSource, at: Date): string =>
  `Live ${source.kind === 'screen' ? 'tab or screen' : 'microphone'} ${at.toISOString().slice(0, 16).replace('T', ' ')}`;

const chunkFailure = (error: unknown): string =>
  `The recording cannot be saved on this device as it comes (${error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage is full' : String(error)}): it is still recorded in memory and kept at Stop if there is room then, or offered as a download. Free space (delete a model or a project's media) to keep saving it as it comes.`;

const failure = (error: unknown): string => (error instanceof CaptureError ? error.message : `Could not start capturing: ${String(error)}`);

/**
 * A live captioning session: the source asked for at once, the live transcription's run into a new
 * project, capture from when the model is ready, and the recording kept with the project when it
 * stops — by the person, by the device, or because the run failed.
 */
export class LiveSession {
  phase = $state<LivePhase>('idle');
  /** Why the last session could not start or ended by itself, or null. */
  message = $state<string | null>(null);
  microphones = $state.raw<readonly MediaDeviceInfo[]>([]);
  /** The recording could not be written to this device as it came (storage full): said at once. */
  recordingProblem = $state<string | null>(null);
  /** The recording, when it could not be kept with its project at Stop: offered as a download instead. */
  unkept = $state.raw<File | null>(null);
  readonly #deps: LiveSessionDeps;
  #opened: OpenSource | null = null;
  #capture: Promise<Capture | null> | null = null;
  /** Settles the capture as none: the run ended before its model was ready. */
  #noCapture: () => void = () => undefined;
  /** The recording being stopped and kept. */
  #kept: Promise<void> = Promise.resolve();
  /** The source could not be opened once the model was ready: the run ends with nothing heard. */
  #failed = false;
  /** The recording's chunks on the device, until it is kept with the project. */
  #sink: RecordingSink | null = null;

  constructor(deps: LiveSessionDeps) {
    this.#deps = deps;
  }

  async listMicrophones(): Promise<void> {
    this.microphones = (await this.#deps.microphones().catch(() => [])).filter((d) => d.kind === 'audioinput');
  }

  async start(source: LiveSource, options: TranscribeOptions): Promise<void> {
    if (this.phase !== 'idle' || this.#deps.busy()) return;
    [this.message, this.phase, this.recordingProblem, this.unkept] = [null, 'starting', null, null];
    // Sharing a screen must be asked for within the click; a microphone once the model is ready, as
    // it is live from then on (audio while the model loads would be lost, or heard late).
    const opening = source.kind === 'screen' ? this.#deps.open(source) : null;
    const opened = await opening?.catch((error: unknown) => void ([this.message, this.phase] = [failure(error), 'idle']));
    if (opening && !opened) return;
    const channel = new MessageChannel();
    const name = sessionName(source, (this.#deps.now ?? (() => new Date()))());
    this.#opened = opened ?? null;
    this.#capture = new Promise((resolve) => {
      this.#noCapture = () => resolve(null);
      const run = this.#deps.transcription.listen(channel.port2, name, options);
      if (!run) {
        // Another transcription began meanwhile: this session never starts, and a shared screen is let go.
        opened?.stream.getTracks().forEach((t) => t.stop());
        [this.phase, this.#opened] = ['idle', null];
        return resolve(null);
      }
      run.once('ready', () => resolve(this.#capturing(source, channel.port1)));
      run.once('ended', (end) => void this.#ended(end));
    });
  }

  /** The model is ready: from now on the audio is captured into the run (or it ends at once, if it cannot be). */
  async #capturing(source: LiveSource, port: MessagePort): Promise<Capture | null> {
    try {
      this.#opened ??= await this.#deps.open(source);
    } catch (error) {
      [this.message, this.#failed] = [failure(error), true];
      port.postMessage(Object.freeze({ type: 'end' }));
      return null;
    }
    void this.listMicrophones(); // names are listed once access is allowed
    const sink = (this.#sink = this.#deps.recording?.() ?? null);
    const onchunk = (chunk: Blob): void => {
      void sink?.append(chunk).then(
        () => (this.recordingProblem = null), // the chunks that waited went with this one
        (error: unknown) => (this.recordingProblem = chunkFailure(error)),
      );
    };
    return this.#deps.capture(this.#opened, port, onchunk).then(
      (capture) => {
        capture.onended = (reason) => void this.stop(reason);
        if (this.phase === 'starting') this.phase = 'live';
        return capture;
      },
      (error: unknown) => {
        [this.message, this.#failed] = [failure(error), true];
        port.postMessage(Object.freeze({ type: 'end' }));
        return null;
      },
    );
  }

  /** Stops capturing (the last utterance is finished from what was heard) and keeps the recording. */
  stop(reason?: string): Promise<void> {
    const [opened, capture] = [this.#opened, this.#capture];
    [this.#opened, this.#capture] = [null, null];
    if (reason) this.message = reason;
    if (this.phase === 'live') this.phase = 'stopping';
    this.#noCapture();
    if (capture) this.#kept = this.#keep(capture, opened);
    return this.#kept;
  }

  async #keep(capturing: Promise<Capture | null>, opened: OpenSource | null): Promise<void> {
    const [capture, sink] = [await capturing, this.#sink];
    this.#sink = null;
    if (!capture) {
      opened?.stream.getTracks().forEach((t) => t.stop());
      return sink?.kept();
    }
    const file = await capture.stop();
    if (!file) return sink?.kept();
    // Kept with the project: the chunks go. Not kept (storage full): they stay for the next start.
    const kept = await this.#deps.transcript.keepMedia(file, this.#deps.transcription.text.heardSeconds).then(() => true, () => false);
    if (kept) await sink?.kept().catch(() => undefined);
    else this.unkept = file;
  }

  /** The run ended (the audio ended, or it failed): the recording is kept before the session is over. */
  async #ended(end: RunEnd): Promise<void> {
    if (end.error) this.message = end.error.message;
    await this.stop();
    if (this.#failed && this.#deps.transcript.cues.length === 0) await this.#deps.discard?.().catch(() => undefined);
    [this.phase, this.#failed] = ['idle', false];
  }
}
