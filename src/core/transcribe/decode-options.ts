export type Task = 'transcribe' | 'translate';

/** Fast: greedy. Best: greedy, beams where unsure. Beam: beam search on every window (slowest). */
export type Quality = 'fast' | 'best' | 'beam';

export type Device = 'webgpu' | 'wasm';
/** Settings → Device: Auto picks WebGPU only on a real GPU. */
export type DevicePreference = 'auto' | Device;
