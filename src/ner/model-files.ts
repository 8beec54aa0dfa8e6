import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_TYPES, LABEL_TO_TYPE, type EntityType } from '../domain/index.js';
import type { CrfParams } from './crf/crf-params.js';
import { NerError } from './errors.js';
import { parseLabelScheme, type LabelScheme } from './labels.js';

/**
 * Readers for the files of a model folder (CONTRACTS.md § Model folder). Checks append to a `problems` list instead
 * of throwing, so the loader reports every inconsistency of a folder in one `NER_MODEL_LOAD_FAILED` error.
 */
export function fail(dir: string, problems: string[], cause?: unknown): never {
  throw new NerError('NER_MODEL_LOAD_FAILED', `model folder ${dir} is unusable:\n  - ${problems.join('\n  - ')}`, { cause });
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

/** Parses `dir/file`; invalid JSON fails at once (nothing else in the folder can be checked against it). */
export async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readFile(path.join(dir, file), 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (err) {
    return fail(dir, [`${file} is not valid JSON (${(err as Error).message})`], err);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberVector(v: unknown, length: number, what: string, problems: string[]): Float64Array {
  if (!Array.isArray(v) || v.length !== length || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    const got = Array.isArray(v) ? `${v.length} entries` : typeof v;
    problems.push(`${what}: expected ${length} finite numbers, got ${got}`);
    return new Float64Array(length);
  }
  return Float64Array.from(v as number[]);
}

/**
 * A crf.json-format object sized for `numLabels` labels (read from `labelsFile`, named in size messages).
 * @example parseCrf({ transitions: [[0]], start: [0], end: [0] }, 1, 'crf.json', 'labels.json', problems)
 */
export function parseCrf(raw: unknown, numLabels: number, file: string, labelsFile: string, problems: string[]): CrfParams {
  const obj = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push(`${file}: expected an object {transitions, start, end}`);
  const rows = obj['transitions'];
  const transitions = new Float64Array(numLabels * numLabels);
  if (!Array.isArray(rows) || rows.length !== numLabels) {
    problems.push(`${file} transitions: expected ${numLabels}×${numLabels} (${labelsFile} has ${numLabels} labels), got ${Array.isArray(rows) ? rows.length : typeof rows} rows`);
  } else {
    rows.forEach((row, i) => transitions.set(numberVector(row, numLabels, `${file} transitions[${i}]`, problems), i * numLabels));
  }
  return {
    numLabels,
    transitions,
    start: numberVector(obj['start'], numLabels, `${file} start`, problems),
    end: numberVector(obj['end'], numLabels, `${file} end`, problems),
  };
}

/** A labels.json-format object (`{"scheme": "BIOES", "labels": [...]}`) → its label scheme. */
export function parseLabelsFile(raw: unknown, file: string, problems: string[]): LabelScheme {
  const labelList = isRecord(raw) ? raw['labels'] : undefined;
  if (!isRecord(raw) || raw['scheme'] !== 'BIOES') problems.push(`${file} scheme: expected 'BIOES', got ${JSON.stringify(isRecord(raw) ? raw['scheme'] : raw)}`);
  const labels = Array.isArray(labelList) && labelList.every((l) => typeof l === 'string') ? (labelList as string[]) : [];
  if (labels.length === 0) problems.push(`${file} labels: expected a non-empty array of strings`);
  const { scheme, problems: labelProblems } = parseLabelScheme(labels);
  problems.push(...labelProblems.map((p) => `${file}: ${p}`));
  return scheme;
}

/** Source label → platform type (`src/domain/entity.ts`); a label spelled as a platform type maps to itself. */
export function toPlatformType(label: string): EntityType | undefined {
  return LABEL_TO_TYPE[label] ?? (ENTITY_TYPES as readonly string[]).find((t) => t === label) as EntityType | undefined;
}
