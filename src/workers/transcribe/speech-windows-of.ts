import { InferenceSession, Tensor } from 'onnxruntime-web/webgpu';
import vadModelUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import { DEFAULT_VAD, speechRegions } from '../../core/transcribe/speech-regions.ts';
import { speechWindows, type SpeechWindow } from '../../core/transcribe/speech-windows.ts';
import { SAMPLE_RATE } from '../../core/transcribe/windows.ts';
import { speechProbabilities } from './silero-vad.ts';

let session: Promise<InferenceSession> | null = null;

/** Silero VAD, from the app's own origin (precached with it), on the CPU: it is tiny and sequential. */
export function vadSession(): Promise<InferenceSession> {
  session ??= InferenceSession.create(vadModelUrl, { executionProviders: ['wasm'] }).catch((error: unknown) => {
    session = null;
    throw error;
  });
  return session;
}

/** Windows of speech for Whisper: where Silero VAD hears speech, joined up to 30 s, cut at pauses. */
export async function speechWindowsOf(audio: Float32Array, onProgress?: (seconds: number) => void): Promise<SpeechWindow[]> {
  const probs = await speechProbabilities(await vadSession(), Tensor, audio, onProgress);
  const regions = speechRegions(probs, audio.length / SAMPLE_RATE, DEFAULT_VAD);
  return speechWindows(regions, probs, DEFAULT_VAD.frameSamples);
}
