import { onnxModel } from './onnx-graph.ts';

/** Samples a frame of pyannote's segmentation-3.0 spans, and how far apart frames start: 589 frames for 10 s. */
const FRAME = 1000;
const STRIDE = 270;

/**
 * A stand-in for pyannote's segmentation-3.0 with its real input and output (`input_values`
 * [batch, 1, samples] → `logits` [batch, frames, 7], 589 frames for 10 s) and none of its weights:
 * a frame's mean power says "speaker 1" above a threshold (RMS ≈ 0.03), "nobody" below it. Enough
 * to test the download, the loading, the chunk loop and the merge with words; nothing to measure.
 */
export function standInSegmentation(): Uint8Array {
  const classes = 7;
  const [weight, bias] = [new Float32Array(classes), new Float32Array(classes).fill(-10)];
  [weight[0], bias[0]] = [-2000, 2];
  [weight[1], bias[1]] = [2000, -2];
  return onnxModel({
    nodes: [
      { op: 'Mul', inputs: ['input_values', 'input_values'], outputs: ['power'] },
      { op: 'Conv', inputs: ['power', 'frame_mean'], outputs: ['frame_power'], attributes: { kernel_shape: [FRAME], strides: [STRIDE] } },
      { op: 'Conv', inputs: ['frame_power', 'class_weight', 'class_bias'], outputs: ['scores'], attributes: { kernel_shape: [1] } },
      { op: 'Transpose', inputs: ['scores'], outputs: ['logits'], attributes: { perm: [0, 2, 1] } },
    ],
    weights: {
      frame_mean: { dims: [1, 1, FRAME], values: new Float32Array(FRAME).fill(1 / FRAME) },
      class_weight: { dims: [classes, 1, 1], values: weight },
      class_bias: { dims: [classes], values: bias },
    },
    inputs: { input_values: ['batch_size', 1, 'num_samples'] },
    outputs: { logits: ['batch_size', 'num_frames', classes] },
  });
}
