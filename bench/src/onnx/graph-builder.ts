import { ProtoWriter } from './protobuf-writer.js';

/**
 * Declarative ONNX graph → `ModelProto` bytes (ir 8, opset 17). Field numbers from onnx.proto3:
 * Model{ir_version 1, producer_name 2, graph 7, opset_import 8}; Graph{node 1, name 2, initializer 5, input 11,
 * output 12}; Node{input 1, output 2, name 3, op_type 4, attribute 5}; Tensor{dims 1, data_type 2, name 8, raw_data 9}.
 */
export type ElemType = 'float32' | 'uint8' | 'int8' | 'int32' | 'int64';
const ELEM_CODE: Record<ElemType, number> = { float32: 1, uint8: 2, int8: 3, int32: 6, int64: 7 };

export interface ValueInfo {
  name: string;
  type: ElemType;
  /** Numbers are fixed sizes, strings symbolic dims (`batch`). */
  shape: (number | string)[];
}

export interface Initializer {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export type Attribute = { name: string; int: number } | { name: string; ints: number[] } | { name: string; float: number };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Attribute[];
}

export interface GraphSpec {
  name: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  initializers: Initializer[];
  nodes: NodeSpec[];
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name).message(2, (type) =>
    type.message(1, (tensor) =>
      tensor.int(1, ELEM_CODE[v.type]).message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      }),
    ),
  );
}

function writeAttribute(w: ProtoWriter, a: Attribute): void {
  w.string(1, a.name);
  if ('int' in a) w.int(3, a.int).int(20, 2);
  else if ('ints' in a) {
    for (const i of a.ints) w.int(8, i);
    w.int(20, 7);
  } else w.float(2, a.float).int(20, 1);
}

export function buildOnnxModel(graph: GraphSpec): Uint8Array {
  return new ProtoWriter()
    .int(1, 8)
    .string(2, 'oncotimeline')
    .message(7, (g) => {
      graph.nodes.forEach((n, i) =>
        g.message(1, (node) => {
          for (const input of n.inputs) node.string(1, input);
          for (const output of n.outputs) node.string(2, output);
          node.string(3, `${n.op}_${i}`).string(4, n.op);
          for (const a of n.attributes ?? []) node.message(5, (attr) => writeAttribute(attr, a));
        }),
      );
      g.string(2, graph.name);
      for (const t of graph.initializers) {
        g.message(5, (tensor) => {
          for (const d of t.dims) tensor.int(1, d);
          tensor
            .int(2, t.data instanceof Float32Array ? ELEM_CODE.float32 : ELEM_CODE.int64)
            .string(8, t.name)
            .bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
        });
      }
      for (const v of graph.inputs) g.message(11, (w) => writeValueInfo(w, v));
      for (const v of graph.outputs) g.message(12, (w) => writeValueInfo(w, v));
    })
    .message(8, (op) => op.string(1, '').int(2, 17))
    .finish();
}
