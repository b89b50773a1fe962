import type { Tensor } from 'onnxruntime-web/webgpu';
import type { TensorClass } from './whisper-sessions.ts';

/** Rows of a tensor's first dimension, picked (and repeated) by index, as a new tensor. */
export type RowGather = (tensor: Tensor, rows: readonly number[]) => Tensor;

// GPUBufferUsage's flags: the worker's typings declare the type but not the constant.
const STORAGE = 0x80;
const COPY_SRC = 0x04;
const COPY_DST = 0x08;

const BYTES: Partial<Record<Tensor.Type, number>> = { float32: 4, float16: 2, int32: 4, uint32: 4, int64: 8 };

/**
 * Beam reordering for a cache that lives on the GPU: each picked row is copied buffer to buffer
 * on the device ONNX Runtime runs on, so the cache never travels to the CPU and back. The copy is
 * queued before the next decoder call, which the device runs in order.
 */
export function gpuRowGather(device: GPUDevice, Tensor: TensorClass): RowGather {
  return (tensor, rows) => {
    const bytes = BYTES[tensor.type];
    if (bytes === undefined) throw new Error(`A ${tensor.type} cache cannot be reordered on the GPU`);
    const rowBytes = (tensor.size / tensor.dims[0]) * bytes;
    const buffer = device.createBuffer({ size: Math.max(4, rowBytes * rows.length), usage: STORAGE | COPY_SRC | COPY_DST });
    const encoder = device.createCommandEncoder();
    rows.forEach((row, i) => encoder.copyBufferToBuffer(tensor.gpuBuffer as GPUBuffer, row * rowBytes, buffer, i * rowBytes, rowBytes));
    device.queue.submit([encoder.finish()]);
    const dims = [rows.length, ...tensor.dims.slice(1)];
    return Tensor.fromGpuBuffer(buffer, { dataType: tensor.type as Tensor.GpuBufferDataTypes, dims, dispose: () => buffer.destroy() });
  };
}
