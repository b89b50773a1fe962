import type { JobReply } from '../job/job-protocol.ts';
import type { Cue, Word } from '../subtitles/cue.ts';
import type { ProfileData } from './decode-profile.ts';
import type { Dtype } from '../plan/dtypes.ts';
import type { SpeakerCount } from '../speakers/cluster-voices.ts';
import type { SpeakerTurn } from '../speakers/speaker-turns.ts';
import type { Device, DevicePreference, Quality, Task } from './decode-options.ts';

/**
 * Page → transcription worker: a file. Its samples (16 kHz mono, `PcmMessage`) come through
 * `source.port`, from the media reader worker while the file is read or, for a file the browser
 * decoded whole, from the page; `source.seconds`: its length as known before reading. Cancel is
 * `terminate()`: inference cannot be interrupted.
 */
export interface TranscribeRequest {
  readonly type: 'transcribe';
  readonly jobId: string;
  readonly repo: string;
  readonly dtype: Dtype;
  readonly source: { readonly port: MessagePort; readonly seconds: number };
  /** null: let the model detect it (multilingual models only). */
  readonly language: string | null;
  readonly task: Task;
  readonly multilingual: boolean;
  /** Skip non-speech with voice activity detection (Silero VAD) and cut windows at pauses. */
  readonly vad: boolean;
  readonly quality: Quality;
  readonly device: DevicePreference;
  /** Text the decoder takes as what was said before (names, terms, style), as faster-whisper's `initial_prompt`. */
  readonly prompt?: string;
  /** WASM threads; by default as many as the device has (up to 4) when cross-origin isolated. */
  readonly threads?: number;
  /** Time each decoding phase and count the extra passes; the result carries it (benchmarks). */
  readonly profile?: boolean;
  /** Find who speaks when (built-in detection), with this many speakers or as many as the voices say; absent: no speakers. */
  readonly speakers?: SpeakerCount;
}

/** Page → transcription worker: live captions of audio being captured (through the port, `end` when the person stops). */
export type LiveRequest = Omit<TranscribeRequest, 'type' | 'vad' | 'prompt' | 'speakers'> & { readonly type: 'live' };

export type TranscriptionRequest = TranscribeRequest | LiveRequest;

/** A job's news on the way; its progress is in seconds of media transcribed (live: heard). */
export type TranscribeUpdate =
  | { readonly type: 'loading'; readonly repo: string }
  /** `modelsInMemory`: models this worker holds now (switching disposes the previous one first). */
  | { readonly type: 'ready'; readonly device: Device; readonly reason: string; readonly threads: number; readonly loadMs: number; readonly modelsInMemory: number }
  /** Cues of the windows done since the last, in order; `peaks`: the waveform's next peaks (`core/media/peaks.ts`). */
  | { readonly type: 'cues'; readonly cues: readonly Cue[]; readonly peaks: Uint8Array }
  /** Who speaks when, once the whole file is heard: the cues already sent are labelled by it (and cut where the speaker changes). */
  | { readonly type: 'speakers'; readonly turns: readonly SpeakerTurn[] }
  /** The language the model heard (Language on Auto): the rest of the file is decoded in it. */
  | { readonly type: 'language'; readonly code: string; readonly probability: number }
  /**
   * Live captions: words committed by this pass (they never change), the tentative words after
   * them, and cues of an utterance that ended. `behindSeconds`: audio that came while it decoded;
   * `behind`: the pace changed to keep up (`quality` now decoding).
   */
  | { readonly type: 'live'; readonly commit: readonly Word[]; readonly tentative: readonly Word[]; readonly cues: readonly Cue[]; readonly heardSeconds: number; readonly behindSeconds: number; readonly behind: boolean; readonly quality: Quality; readonly peaks: Uint8Array };

/** How a transcription ended well: the media's length, the time spent after the model was ready, the speech in it. */
export interface TranscribeResult {
  readonly totalSeconds: number;
  readonly elapsedMs: number;
  readonly speechSeconds: number;
  readonly profile?: ProfileData;
  /** Time speaker detection took, when it ran (voice prints as windows came, clustering at the end). */
  readonly speakersMs?: number;
}

export type TranscribeReply = JobReply<TranscribeResult, TranscribeUpdate>;
