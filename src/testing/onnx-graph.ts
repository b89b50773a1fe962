/**
 * Writes small ONNX models (protobuf, by hand: a few fields of onnx.proto3) for tests that need a
 * graph with a real model's input and output names and shapes but none of its weights.
 */
type Field = Uint8Array;

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    bytes.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return Uint8Array.from(bytes);
}

const key = (field: number, wire: 0 | 2): Uint8Array => varint((field << 3) | wire);
const int = (field: number, value: number): Field => concat([key(field, 0), varint(value)]);
const bytes = (field: number, value: Uint8Array): Field => concat([key(field, 2), varint(value.length), value]);
const text = (field: number, value: string): Field => bytes(field, new TextEncoder().encode(value));
const message = (field: number, parts: readonly Field[]): Field => bytes(field, concat(parts));

/** An attribute: an int, or a list of ints. */
function attribute(name: string, value: number | readonly number[]): Field {
  if (typeof value === 'number') return message(5, [text(1, name), int(20, 2), int(3, value)]);
  return message(5, [text(1, name), int(20, 7), ...value.map((v) => int(8, v))]);
}

export interface GraphNode {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, number | readonly number[]>>;
}

/** A float tensor's dimensions: a number, or a name for a dimension of any size. */
export type Dims = readonly (number | string)[];

const valueInfo = (field: number, name: string, dims: Dims): Field =>
  message(field, [text(1, name), message(2, [message(1, [int(1, 1), message(2, dims.map((d) => message(1, [typeof d === 'number' ? int(1, d) : text(2, d)])))])])]);

const node = (n: GraphNode, i: number): Field =>
  message(1, [...n.inputs.map((x) => text(1, x)), ...n.outputs.map((x) => text(2, x)), text(3, `n${i}`), text(4, n.op), ...Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v))]);

const initializer = (name: string, dims: readonly number[], values: Float32Array): Field =>
  message(5, [...dims.map((d) => int(1, d)), int(2, 1), text(8, name), bytes(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength))]);

/** An ONNX model (IR 7, opset 13) of float tensors: its nodes, weights, inputs and outputs. */
export function onnxModel(graph: {
  readonly nodes: readonly GraphNode[];
  readonly weights: Readonly<Record<string, { readonly dims: readonly number[]; readonly values: Float32Array }>>;
  readonly inputs: Readonly<Record<string, Dims>>;
  readonly outputs: Readonly<Record<string, Dims>>;
}): Uint8Array {
  const body = [
    ...graph.nodes.map(node),
    text(2, 'stand-in'),
    ...Object.entries(graph.weights).map(([name, w]) => initializer(name, w.dims, w.values)),
    ...Object.entries(graph.inputs).map(([name, dims]) => valueInfo(11, name, dims)),
    ...Object.entries(graph.outputs).map(([name, dims]) => valueInfo(12, name, dims)),
  ];
  return concat([int(1, 7), text(2, 'whisper-studio tests'), message(7, body), message(8, [text(1, ''), int(2, 13)])]);
}
