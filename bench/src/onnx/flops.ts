import { readFields, readInts, readString, type ProtoField } from './protobuf-reader.js';

/**
 * Multiply–add FLOPs per token of an ONNX graph, counted from its weight shapes: MatMul/Gemm/MatMulInteger with a
 * constant [K, N] weight → 2·K·N; Conv with weight [out, in/g, k…] → 2·out·(in/g)·Πk; LSTM/GRU with W [dirs, G·h, in]
 * and R [dirs, G·h, h] → 2·dirs·G·h·(in + h). Activation×activation MatMuls (attention scores and mixing) depend on
 * the sequence length and are reported separately (`activationMatMuls`) for the caller to add from the architecture.
 *
 * @example countWeightFlops(bytesOfBertBase) → { flopsPerToken: ≈170e6, activationMatMuls: 24, … }
 */
export interface FlopCount {
  flopsPerToken: number;
  byOp: Record<string, number>;
  activationMatMuls: number;
  unknownWeightOps: string[];
}

interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, ProtoField[]>;
}

function parseTensorDims(bytes: Uint8Array): { name: string; dims: number[] } {
  const fields = [...readFields(bytes)];
  const name = fields.find((f) => f.field === 8);
  return { name: name ? readString(name.bytes) : '', dims: readInts(fields, 1) };
}

function parseNode(bytes: Uint8Array): Node {
  const node: Node = { op: '', inputs: [], outputs: [], attributes: new Map() };
  for (const f of readFields(bytes)) {
    if (f.field === 1) node.inputs.push(readString(f.bytes));
    else if (f.field === 2) node.outputs.push(readString(f.bytes));
    else if (f.field === 4) node.op = readString(f.bytes);
    else if (f.field === 5) {
      const attr = [...readFields(f.bytes)];
      const name = attr.find((a) => a.field === 1);
      if (name) node.attributes.set(readString(name.bytes), attr);
    }
  }
  return node;
}

export function countWeightFlops(model: Uint8Array): FlopCount {
  const graphField = [...readFields(model)].find((f) => f.field === 7);
  if (!graphField) throw new Error('not an ONNX model: no graph');
  const constDims = new Map<string, number[]>(); // initializer / constant name → dims
  const nodes: Node[] = [];
  for (const f of readFields(graphField.bytes)) {
    if (f.field === 5) {
      const t = parseTensorDims(f.bytes);
      constDims.set(t.name, t.dims);
    } else if (f.field === 1) nodes.push(parseNode(f.bytes));
  }
  // Constants reached through shape-preserving or transposing ops still count as weights.
  for (const n of nodes) {
    if (n.op === 'Constant') {
      const value = n.attributes.get('value')?.find((a) => a.field === 5);
      if (value && n.outputs[0]) constDims.set(n.outputs[0], parseTensorDims(value.bytes).dims);
    } else if (['Identity', 'Cast', 'DequantizeLinear'].includes(n.op) && constDims.has(n.inputs[0] ?? '')) {
      constDims.set(n.outputs[0] ?? '', constDims.get(n.inputs[0] as string) as number[]);
    } else if (n.op === 'Transpose' && constDims.has(n.inputs[0] ?? '')) {
      const dims = constDims.get(n.inputs[0] as string) as number[];
      const perm = readInts(n.attributes.get('perm') ?? [], 8);
      constDims.set(n.outputs[0] ?? '', perm.length > 0 ? perm.map((p) => dims[p] as number) : [...dims].reverse());
    }
  }
  const byOp: Record<string, number> = {};
  const add = (op: string, flops: number): void => {
    byOp[op] = (byOp[op] ?? 0) + flops;
  };
  let activationMatMuls = 0;
  const unknownWeightOps: string[] = [];
  for (const n of nodes) {
    const w = (i: number): number[] | undefined => constDims.get(n.inputs[i] ?? '');
    if (['MatMul', 'MatMulInteger', 'QLinearMatMul', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'FusedMatMul'].includes(n.op)) {
      const b = n.op === 'QLinearMatMul' ? w(3) : w(1);
      if (b && b.length >= 2) add(n.op, 2 * (b[b.length - 2] as number) * (b[b.length - 1] as number));
      else activationMatMuls++;
    } else if (n.op === 'Gemm') {
      const b = w(1);
      if (b && b.length === 2) add(n.op, 2 * (b[0] as number) * (b[1] as number));
      else activationMatMuls++;
    } else if (n.op === 'Conv') {
      const k = w(1);
      if (k) add(n.op, 2 * k.reduce((a, d) => a * d, 1));
      else unknownWeightOps.push(n.op);
    } else if (n.op === 'LSTM' || n.op === 'GRU') {
      const W = w(1);
      const R = w(2);
      if (W && R) add(n.op, 2 * ((W as number[]).reduce((a, d) => a * d, 1) + (R as number[]).reduce((a, d) => a * d, 1)));
      else unknownWeightOps.push(n.op);
    }
  }
  return { flopsPerToken: Object.values(byOp).reduce((a, b) => a + b, 0), byOp, activationMatMuls, unknownWeightOps };
}
