import { InferenceSession, Tensor, env } from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { framesSpeaking, SEGMENTATION } from '../core/speakers/speaker-segmentation.ts';
import { standInSegmentation } from './stand-in-segmentation.ts';

describe('the stand-in segmentation graph', () => {
  it('loads in ONNX Runtime and answers with pyannote segmentation-3.0 shapes: 589 frames of 7 classes for 10 s', async () => {
    env.wasm.numThreads = 1;
    const session = await InferenceSession.create(standInSegmentation());
    expect([session.inputNames, session.outputNames]).toEqual([[SEGMENTATION.input], [SEGMENTATION.output]]);
    const samples = new Float32Array(160_000);
    for (let i = 80_000; i < 160_000; i++) samples[i] = 0.3 * Math.sin(i / 5); // silence, then a loud tone
    const out = (await session.run({ input_values: new Tensor('float32', samples, [1, 1, samples.length]) }))[SEGMENTATION.output];
    expect(out.dims).toEqual([1, 589, 7]);
    const speaking = framesSpeaking(out.data as Float32Array, 589);
    expect([speaking[10], speaking[580]]).toEqual([0, 1]);
  });
});
