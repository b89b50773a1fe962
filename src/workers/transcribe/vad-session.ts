import { InferenceSession } from 'onnxruntime-web/webgpu';
import vadModelUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';

let session: Promise<InferenceSession> | null = null;

/** Silero VAD, from the app's own origin (precached with it), on the CPU: it is tiny and sequential. */
export function vadSession(): Promise<InferenceSession> {
  session ??= InferenceSession.create(vadModelUrl, { executionProviders: ['wasm'] }).catch((error: unknown) => {
    session = null;
    throw error;
  });
  return session;
}
