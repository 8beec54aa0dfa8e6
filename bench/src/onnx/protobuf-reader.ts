/**
 * Minimal protobuf decoder: iterates the fields of one message. Enough to walk an ONNX graph's nodes and tensor
 * shapes for FLOP counting without a protobuf dependency (weights' raw bytes are skipped, never copied).
 */
export interface ProtoField {
  field: number;
  wire: number;
  /** Varint value (wire 0). */
  int: bigint;
  /** Payload (wire 2), a view into the buffer. */
  bytes: Uint8Array;
}

export function* readFields(buf: Uint8Array): Generator<ProtoField> {
  let at = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = buf[at++];
      if (b === undefined) throw new Error('truncated protobuf varint');
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return result;
      shift += 7n;
    }
  };
  const empty = new Uint8Array(0);
  while (at < buf.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === 0) yield { field, wire, int: varint(), bytes: empty };
    else if (wire === 2) {
      const len = Number(varint());
      yield { field, wire, int: 0n, bytes: buf.subarray(at, at + len) };
      at += len;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** Packed or repeated varints of `field` (e.g. TensorProto.dims, AttributeProto.ints). */
export function readInts(fields: ProtoField[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === 0) out.push(Number(BigInt.asIntN(64, f.int)));
    else if (f.wire === 2) for (const inner of readPacked(f.bytes)) out.push(inner);
  }
  return out;
}

function* readPacked(bytes: Uint8Array): Generator<number> {
  let at = 0;
  while (at < bytes.length) {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[at++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7n;
    }
    yield Number(BigInt.asIntN(64, result));
  }
}

export function readString(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
