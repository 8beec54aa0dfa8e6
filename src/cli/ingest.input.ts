/**
 * Reads `ingest` input: one JSON-lines file, or every `*.jsonl` file of a folder (sorted by name). Each line is a
 * record `{patientId, recordId, kind, recordedAt, text}`; blank lines are skipped. A bad line becomes a rejection
 * naming file and line (never its content) and does not stop the others.
 *
 * @example
 *   await readRecordFiles('examples/records.jsonl', limits)
 *   // { records: [{ patientId: 'P001', recordId: 'P001-R01', ... }, ...], rejected: [] }
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidRecordsError } from '../errors/index.js';
import type { LimitsConfig } from '../config/index.js';
import { RECORD_KINDS, validateRecords, type ClinicalRecord, type RecordKind } from '../domain/index.js';

export interface Rejection {
  /** `file:line` */
  where: string;
  recordId: string | null;
  code: string;
  message: string;
}

export interface RecordInput {
  records: ClinicalRecord[];
  rejected: Rejection[];
}

export async function listInputFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((n) => n.endsWith('.jsonl')).sort();
  return names.map((n) => path.join(target, n));
}

export async function readRecordFiles(target: string, limits: LimitsConfig): Promise<RecordInput> {
  const out: RecordInput = { records: [], rejected: [] };
  const places: string[] = []; // file:line of each accepted record
  for (const file of await listInputFiles(target)) {
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lineNo += 1;
      if (line.trim() === '') continue;
      const where = `${file}:${lineNo}`;
      const parsed = parseRecord(line);
      if ('message' in parsed) {
        out.rejected.push({ where, recordId: null, code: 'BAD_USER_INPUT', message: parsed.message });
        continue;
      }
      try {
        validateRecords([parsed], { ...limits, maxRecordsPerCall: 1, maxCharsPerCall: Number.MAX_SAFE_INTEGER });
        out.records.push(parsed);
        places.push(where);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const problems = err instanceof InvalidRecordsError ? err.problems : null;
        out.rejected.push({
          where, recordId: parsed.recordId, code: typeof code === 'string' ? code : 'BAD_USER_INPUT',
          message: problems ? problems.map((p) => `${p.field}: ${p.message}`).join('; ') : err instanceof Error ? err.message : 'invalid record',
        });
      }
    }
  }
  return rejectDuplicates(out, places);
}

/**
 * Like `submitRecords`, which rejects a call naming one record id twice: every line whose record id appears on
 * another line too is rejected (DUPLICATE_RECORD_ID, naming the other lines), and no copy is ingested; before, the
 * last line silently won.
 */
function rejectDuplicates(input: RecordInput, places: readonly string[]): RecordInput {
  const linesOf = new Map<string, string[]>();
  input.records.forEach((r, i) => linesOf.set(r.recordId, [...(linesOf.get(r.recordId) ?? []), places[i]!]));
  const records: ClinicalRecord[] = [];
  const rejected = [...input.rejected];
  input.records.forEach((r, i) => {
    const lines = linesOf.get(r.recordId)!;
    if (lines.length === 1) {
      records.push(r);
      return;
    }
    rejected.push({
      where: places[i]!, recordId: r.recordId, code: 'DUPLICATE_RECORD_ID',
      message: `the same record id is on ${lines.filter((w) => w !== places[i]).join(', ')}; expected each record id once (no copy ingested)`,
    });
  });
  return { records, rejected };
}

/** Shape check only; content rules are `validateRecords`'. Messages name fields, never values. */
function parseRecord(line: string): ClinicalRecord | { message: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { message: 'expected a JSON object, got a line that is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { message: 'expected a JSON object' };
  const v = value as Record<string, unknown>;
  for (const field of ['patientId', 'recordId', 'kind', 'recordedAt', 'text'] as const) {
    if (typeof v[field] !== 'string') return { message: `${field}: expected a string, got ${typeof v[field]}` };
  }
  if (!(RECORD_KINDS as readonly string[]).includes(v['kind'] as string)) {
    return { message: `kind: expected one of ${RECORD_KINDS.join(', ')}` };
  }
  return {
    patientId: v['patientId'] as string,
    recordId: v['recordId'] as string,
    kind: v['kind'] as RecordKind,
    recordedAt: v['recordedAt'] as string,
    text: v['text'] as string,
  };
}

/** Splits records into submit calls of at most `size`, never two copies of one record id in one call. */
export function chunkRecords(records: readonly ClinicalRecord[], size: number): ClinicalRecord[][] {
  const chunks: ClinicalRecord[][] = [];
  let current: ClinicalRecord[] = [];
  let ids = new Set<string>();
  for (const r of records) {
    if (current.length >= size || ids.has(r.recordId)) {
      chunks.push(current);
      current = [];
      ids = new Set();
    }
    current.push(r);
    ids.add(r.recordId);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
