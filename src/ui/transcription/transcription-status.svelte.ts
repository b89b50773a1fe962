import type { ErrorData } from '../../core/errors.ts';
import { paced, startPace, timeLeft, type Pace } from '../../core/job/pace.ts';
import type { Device } from '../../core/transcribe/decode-options.ts';
import type { Phase, RunEnd } from './transcribe-options.ts';
import { realClock, StallNotice, type Clock } from './stall-notice.svelte.ts';

/** Too little done says nothing yet about the speed (loading and the first window dominate). */
const MIN_DONE_SECONDS = 30;

export interface DeviceUsed {
  readonly device: Device;
  readonly reason: string;
  readonly threads: number;
  readonly modelsInMemory: number;
}

/**
 * Where the one transcription at a time stands, whatever its kind (a file, a re-take, a live
 * session): what the page shows while it runs, and Cancel for it.
 */
export class TranscriptionStatus {
  phase = $state<Phase>('idle');
  doneSeconds = $state(0);
  totalSeconds = $state(0);
  /** How much of the media the reader has read, while it streams (null: decoded whole). */
  readSeconds = $state<number | null>(null);
  readDone = $state(false);
  /** Seconds of work left at the speed so far, once there is enough to tell. */
  secondsLeft = $state<number | null>(null);
  device = $state<DeviceUsed | null>(null);
  error = $state.raw<ErrorData | null>(null);
  /** The language the model heard, and how sure it was (Language on Auto). */
  language = $state.raw<{ readonly code: string; readonly probability: number } | null>(null);
  /** What the person should know about the media that is not an error (timestamps that jump). */
  notes = $state.raw<readonly string[]>([]);
  /** After a run: speakers being found with a downloaded model ("… 40 %"), or why they could not be; null: nothing to say. */
  speakerNote = $state<string | null>(null);
  /** After a run: a downloaded model is finding its speakers (the run is not over for the person until it has). */
  findingSpeakers = $state(false);
  /** Says when neither reading nor transcribing has moved for long. */
  readonly stall: StallNotice;
  percent = $derived(this.totalSeconds > 0 ? Math.min(100, Math.floor((this.doneSeconds / this.totalSeconds) * 100)) : 0);
  readPercent = $derived(this.readSeconds !== null && this.totalSeconds > 0 ? (this.readDone ? 100 : Math.min(99, Math.floor((this.readSeconds / this.totalSeconds) * 100))) : null);
  busy = $derived(this.phase === 'reading' || this.phase === 'loading' || this.phase === 'transcribing' || this.findingSpeakers);
  readonly #now: () => number;
  #cancel: (() => void) | null = null;
  #startedAt = 0;
  #pace: Pace | null = null;

  constructor(clock: Clock = realClock) {
    this.stall = new StallNotice(clock);
    this.#now = () => clock.now();
  }

  /** A run begins (`phase`: reading a file, or loading for live audio); `cancel` stops it. */
  begin(phase: 'reading' | 'loading', cancel: () => void): void {
    [this.phase, this.error, this.language, this.notes, this.speakerNote] = [phase, null, null, [], null];
    [this.doneSeconds, this.totalSeconds, this.secondsLeft, this.readSeconds, this.readDone] = [0, 0, null, null, false];
    [this.#cancel, this.#startedAt, this.#pace] = [cancel, this.#now(), null];
  }

  cancel(): void {
    if (this.busy) this.#cancel?.();
  }

  read(seconds: number, done: boolean): void {
    [this.readSeconds, this.readDone] = [seconds, done];
    this.stall.moved();
  }

  loading(totalSeconds: number): void {
    [this.phase, this.totalSeconds] = ['loading', totalSeconds];
  }

  /** The model is ready: transcribing from now on (the speed, and so the time left, counts from here). */
  ready(device: DeviceUsed, watchStall: boolean): void {
    [this.device, this.phase, this.#pace] = [device, 'transcribing', startPace(this.#now())];
    if (watchStall) this.stall.start();
  }

  progress(done: number, total: number): void {
    [this.doneSeconds, this.totalSeconds] = [done, total];
    this.stall.moved();
    if (!this.#pace) return;
    this.#pace = paced(this.#pace, this.#now(), done);
    this.secondsLeft = timeLeft(this.#pace, total, { minDone: MIN_DONE_SECONDS });
  }

  note(text: string): void {
    this.notes = [...this.notes, text];
  }

  heard(code: string, probability: number): void {
    this.language = Object.freeze({ code, probability });
  }

  moved(): void {
    this.stall.moved();
  }

  /** A done run goes on finding speakers with a model: `note` says how far, `cancel` stops it. */
  speakersFrom(note: string, cancel: () => void): void {
    [this.findingSpeakers, this.speakerNote, this.#cancel] = [true, note, cancel];
    this.readSeconds = null; // the transcription's reading is over; the note says how far the speakers are
  }

  /** Finding speakers ended: `note` says how. */
  speakersEnd(note: string): void {
    [this.findingSpeakers, this.speakerNote, this.#cancel] = [false, note, null];
  }

  /** The run ended: how, for whoever started it. */
  end(phase: RunEnd['phase'], error: ErrorData | null): RunEnd {
    [this.phase, this.error, this.secondsLeft, this.#cancel] = [phase, error, null, null];
    if (phase === 'done') this.doneSeconds = this.totalSeconds;
    this.stall.stop();
    return Object.freeze({ phase, error, elapsedMs: this.#now() - this.#startedAt });
  }
}
