/** ONNX Runtime threads: only where SharedArrayBuffer exists (cross-origin isolated), as many as the cores, at most 4. */
export const threadsFor = (isolated: boolean, cores: number | undefined): number => (isolated ? Math.max(1, Math.min(4, cores || 1)) : 1);
