import type { ErrorData } from './errors.ts';
import type { ProfileData } from './transcribe/decode-profile.ts';
import type { Dtype } from './plan/dtypes.ts';
import type { Cue, Word } from './subtitles/cue.ts';

export type Task = 'transcribe' | 'translate';

/** Fast: greedy. Best: greedy, beams where unsure. Beam: beam search on every window (slowest). */
export type Quality = 'fast' | 'best' | 'beam';

/**
 * Where the audio comes from: a port its 16 kHz mono samples come through (`PcmMessage`), from the
 * media reader worker while the file is read or, for a file the browser decoded whole, from the
 * page. `seconds`: its length as known before reading (the container's metadata).
 */
export type AudioSource = { readonly port: MessagePort; readonly seconds: number };

/** UI → transcription worker. Cancel is `worker.terminate()`: inference cannot be interrupted. */
export type TranscribeRequest = {
  readonly type: 'transcribe';
  readonly jobId: string;
  readonly repo: string;
  readonly dtype: Dtype;
  readonly source: AudioSource;
  /** null: let the model detect it (multilingual models only). */
  readonly language: string | null;
  readonly task: Task;
  readonly multilingual: boolean;
  /** Skip non-speech with voice activity detection (Silero VAD) and cut windows at pauses. */
  readonly vad: boolean;
  readonly quality: Quality;
  readonly device: DevicePreference;
  /**
   * Text the decoder takes as what was said before (names, terms, style): fed as previous-text
   * tokens, as faster-whisper's `initial_prompt`. Our decoder only; the stock pipeline ignores it.
   */
  readonly prompt?: string;
  /** WASM threads; by default as many as the device has (up to 4) when cross-origin isolated. */
  readonly threads?: number;
  /** Time each decoding phase and count the extra passes; the `done` reply carries it (benchmarks). */
  readonly profile?: boolean;
};

/**
 * UI → transcription worker: live captions of audio being captured (16 kHz mono through the port,
 * as the media reader sends it; `end` when the person stops). Replies: `live` updates, then `done`.
 */
export type LiveRequest = Omit<TranscribeRequest, 'type' | 'vad' | 'prompt'> & { readonly type: 'live' };

export type Device = 'webgpu' | 'wasm';
/** Settings → Device: Auto picks WebGPU only on a real GPU. */
export type DevicePreference = 'auto' | Device;

/** Transcription worker → UI. */
export type TranscribeReply =
  /** Sent once: the worker holds this Web Lock while it lives (its release means it died). */
  | { readonly type: 'alive'; readonly jobId: ''; readonly lock: string }
  | { readonly type: 'loading'; readonly jobId: string; readonly repo: string }
  /** `modelsInMemory`: models this worker holds now (switching disposes the previous one first). */
  | { readonly type: 'ready'; readonly jobId: string; readonly device: Device; readonly reason: string; readonly threads: number; readonly loadMs: number; readonly modelsInMemory: number }
  /** Cues of the windows done so far, in order; `doneSeconds` of `totalSeconds` of the media are transcribed. */
  /** `peaks`: the waveform's next peaks (`core/media/peaks.ts`) from the samples read since the last reply. */
  | { readonly type: 'cues'; readonly jobId: string; readonly cues: readonly Cue[]; readonly doneSeconds: number; readonly totalSeconds: number; readonly peaks?: Uint8Array }
  /** The language the model heard (Language on Auto, our decoder): the rest of the file is decoded in it. */
  | { readonly type: 'language'; readonly jobId: string; readonly code: string; readonly probability: number }
  /**
   * Live captions: words committed by this pass (they never change), the tentative words after
   * them, and cues of an utterance that ended. `behindSeconds`: audio that came while it decoded;
   * `behind`: the pace changed to keep up (`quality` now decoding).
   */
  | { readonly type: 'live'; readonly jobId: string; readonly commit: readonly Word[]; readonly tentative: readonly Word[]; readonly cues: readonly Cue[]; readonly heardSeconds: number; readonly behindSeconds: number; readonly behind: boolean; readonly quality: Quality; readonly peaks: Uint8Array }
  | { readonly type: 'done'; readonly jobId: string; readonly totalSeconds: number; readonly elapsedMs: number; readonly speechSeconds: number; readonly profile?: ProfileData }
  | { readonly type: 'error'; readonly jobId: string; readonly error: ErrorData };
