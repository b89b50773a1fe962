import type { Tensor } from 'onnxruntime-web/webgpu';
import type { Alignment, AttentionRow } from '../../core/transcribe/attention-trail.ts';

/** The rows of batch row `batch` for the last `count` positions a decoder call was fed, from its [batch, heads, positions, 1500] outputs (one per alignment layer). */
export function attentionRows(attention: readonly Tensor[], alignment: Alignment, batch: number, count: number): AttentionRow[] {
  return Array.from({ length: count }, (_, position) => {
    const out = new Float32Array(alignment.heads.length * alignment.frames);
    alignment.heads.forEach(([layer, head], h) => {
      const tensor = attention[alignment.layers.indexOf(layer)];
      const [, heads, length, all] = tensor.dims;
      const at = ((batch * heads + head) * length + (length - count + position)) * all;
      out.set((tensor.data as Float32Array).subarray(at, at + alignment.frames), h * alignment.frames);
    });
    return out;
  });
}
