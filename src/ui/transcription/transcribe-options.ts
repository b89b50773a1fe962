import type { ErrorData } from '../../core/errors.ts';
import type { Dtype } from '../../core/plan/dtypes.ts';
import type { ReplaceRule } from '../../core/subtitles/replace-rules.ts';
import type { SpeakerCount } from '../../core/speakers/cluster-voices.ts';
import type { StoredModel } from '../../core/store/stored-model.ts';
import type { DevicePreference, Quality, Task } from '../../core/transcribe/decode-options.ts';

/** What the person chose for a transcription (the New form, the queue, a live session). */
export interface TranscribeOptions {
  readonly repo: string;
  readonly dtype: Dtype;
  readonly multilingual: boolean;
  readonly language: string | null;
  readonly task: Task;
  readonly device: DevicePreference;
  /** Skip non-speech (Silero VAD) before Whisper. */
  readonly vad: boolean;
  /** auto: as this device's measured speed allows (core/catalog/recommend.ts `autoQuality`). */
  readonly quality: Quality | 'auto';
  /** Previous text for the decoder: names and terms to expect, the style to write in. */
  readonly prompt?: string;
  /** Find who speaks when: this many speakers, or as many as the voices say (absent: no speakers). */
  readonly speakers?: SpeakerCount;
  /** Find them with this downloaded segmentation model instead of the built-in detection (after the transcription). */
  readonly speakerModel?: Pick<StoredModel, 'repo' | 'dtype'>;
  /** Applied to each new cue's text as it comes. */
  readonly rules?: readonly ReplaceRule[];
}

export type Phase = 'idle' | 'reading' | 'loading' | 'transcribing' | 'done' | 'cancelled' | 'failed';

/** How a run ended, for whoever started it (the queue, a live session). */
export interface RunEnd {
  readonly phase: Extract<Phase, 'done' | 'cancelled' | 'failed'>;
  readonly error: ErrorData | null;
  /** Time from the start of reading to the end. */
  readonly elapsedMs: number;
}

/** The events every transcription job kind tells (`on()` returns what unsubscribes). */
export type RunEvents = {
  /** The model is ready: a live session captures from now on. */
  readonly ready: void;
  readonly ended: RunEnd;
};

/** Said when a worker dies under a transcription. */
export const RUN_ADVICE = 'The cues done so far are kept; press Transcribe to try again.';
