import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_TYPES, LABEL_TO_TYPE, type EntityType } from '../domain/entity.js';
import type { CrfParams } from './crf/crf-params.js';
import { NerError } from './errors.js';
import { parseLabelScheme, type LabelScheme } from './labels.js';
import { findSpecialIds, parseVocabulary, type SpecialIds, type Vocabulary } from './tokenizer/vocabulary.js';

/**
 * A validated model folder (CONTRACTS.md § Model folder). Loading fails fast with one `NER_MODEL_LOAD_FAILED` error
 * listing every missing file or inconsistency, so a half-exported folder never reaches the workers.
 */
export interface ModelFolder {
  dir: string;
  name: string;
  version: string;
  precision: 'fp32' | 'int8';
  onnxPath: string;
  maxLength: number;
  window: { size: number; overlap: number };
  vocab: Vocabulary;
  special: SpecialIds;
  scheme: LabelScheme;
  crf: CrfParams;
  /** Platform type of each entry of `scheme.types`. */
  platformTypes: EntityType[];
}

export interface LoadModelFolderOptions {
  /** Serve another ONNX file of the folder (e.g. `model.int8.onnx` in the benchmark) instead of `config.onnxFile`. */
  onnxFile?: string;
}

const REQUIRED_FILES = ['vocab.txt', 'labels.json', 'crf.json', 'config.json'] as const;

function fail(dir: string, problems: string[], cause?: unknown): never {
  throw new NerError('NER_MODEL_LOAD_FAILED', `model folder ${dir} is unusable:\n  - ${problems.join('\n  - ')}`, { cause });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readFile(path.join(dir, file), 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (err) {
    return fail(dir, [`${file} is not valid JSON (${(err as Error).message})`], err);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
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

function parseCrf(raw: unknown, numLabels: number, problems: string[]): CrfParams {
  const obj = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push('crf.json: expected an object {transitions, start, end}');
  const rows = obj['transitions'];
  const transitions = new Float64Array(numLabels * numLabels);
  if (!Array.isArray(rows) || rows.length !== numLabels) {
    problems.push(`crf.json transitions: expected ${numLabels}×${numLabels} (labels.json has ${numLabels} labels), got ${Array.isArray(rows) ? rows.length : typeof rows} rows`);
  } else {
    rows.forEach((row, i) => transitions.set(numberVector(row, numLabels, `crf.json transitions[${i}]`, problems), i * numLabels));
  }
  return {
    numLabels,
    transitions,
    start: numberVector(obj['start'], numLabels, 'crf.json start', problems),
    end: numberVector(obj['end'], numLabels, 'crf.json end', problems),
  };
}

function toPlatformType(label: string): EntityType | undefined {
  return LABEL_TO_TYPE[label] ?? (ENTITY_TYPES as readonly string[]).find((t) => t === label) as EntityType | undefined;
}

/**
 * Loads and checks `dir`.
 * @example await loadModelFolder('test/fixtures/tiny-model') → { name: 'tiny', scheme: { types: ['疾病和诊断', ...] }, ... }
 */
export async function loadModelFolder(dir: string, options: LoadModelFolderOptions = {}): Promise<ModelFolder> {
  const absDir = path.resolve(dir);
  if (!(await exists(absDir))) fail(absDir, ['the folder does not exist']);
  const missing = [];
  for (const f of REQUIRED_FILES) if (!(await exists(path.join(absDir, f)))) missing.push(`missing ${f}`);
  if (missing.length > 0) fail(absDir, missing);

  const problems: string[] = [];
  const config = await readJson(absDir, 'config.json');
  const cfg = isRecord(config) ? config : {};
  if (!isRecord(config)) problems.push('config.json: expected an object');
  const onnxFile = options.onnxFile ?? (typeof cfg['onnxFile'] === 'string' ? cfg['onnxFile'] : 'model.onnx');
  const onnxPath = path.join(absDir, onnxFile);
  if (!(await exists(onnxPath))) problems.push(`missing ${onnxFile} (the ONNX graph${options.onnxFile ? '' : ' named by config.json onnxFile'})`);
  // An overridden file has its own precision: config.json's `variants` names it, else the file name tells.
  const variants = isRecord(cfg['variants']) ? cfg['variants'] : {};
  const variantOf = Object.keys(variants).find((k) => variants[k] === onnxFile);
  const precision = options.onnxFile ? (variantOf ?? (/int8/u.test(onnxFile) ? 'int8' : 'fp32')) : cfg['precision'];
  if (precision !== 'fp32' && precision !== 'int8') problems.push(`config.json precision: expected 'fp32' or 'int8', got ${JSON.stringify(precision)}`);
  const maxLength = cfg['maxLength'];
  if (!Number.isInteger(maxLength) || (maxLength as number) < 3) problems.push(`config.json maxLength: expected an integer ≥ 3, got ${JSON.stringify(maxLength)}`);
  const win = isRecord(cfg['window']) ? cfg['window'] : {};
  const size = win['size'];
  const overlap = win['overlap'];
  if (!Number.isInteger(size) || (size as number) < 1) problems.push(`config.json window.size: expected a positive integer, got ${JSON.stringify(size)}`);
  else if (Number.isInteger(maxLength) && (size as number) > (maxLength as number) - 2) problems.push(`config.json window.size ${String(size)} exceeds maxLength − 2 = ${(maxLength as number) - 2}`);
  if (!Number.isInteger(overlap) || (overlap as number) < 0 || (Number.isInteger(size) && (overlap as number) >= (size as number))) {
    problems.push(`config.json window.overlap: expected an integer in [0, window.size), got ${JSON.stringify(overlap)}`);
  }

  const vocab = parseVocabulary(await readFile(path.join(absDir, 'vocab.txt'), 'utf8'));
  const { ids: special, missing: missingSpecial } = findSpecialIds(vocab);
  if (missingSpecial.length > 0) problems.push(`vocab.txt lacks ${missingSpecial.join(', ')}`);

  const labelsRaw = await readJson(absDir, 'labels.json');
  const labelList = isRecord(labelsRaw) ? labelsRaw['labels'] : undefined;
  if (!isRecord(labelsRaw) || labelsRaw['scheme'] !== 'BIOES') problems.push(`labels.json scheme: expected 'BIOES', got ${JSON.stringify(isRecord(labelsRaw) ? labelsRaw['scheme'] : labelsRaw)}`);
  const labels = Array.isArray(labelList) && labelList.every((l) => typeof l === 'string') ? (labelList as string[]) : [];
  if (labels.length === 0) problems.push('labels.json labels: expected a non-empty array of strings');
  const { scheme, problems: labelProblems } = parseLabelScheme(labels);
  problems.push(...labelProblems.map((p) => `labels.json: ${p}`));
  const platformTypes = scheme.types.map((t) => {
    const type = toPlatformType(t);
    if (!type) problems.push(`labels.json: type '${t}' has no platform type (src/domain/entity.ts LABEL_TO_TYPE)`);
    return type ?? 'DISEASE';
  });
  const configTypes = cfg['types'];
  if (Array.isArray(configTypes)) {
    const declared = new Set(configTypes.map((t) => toPlatformType(String(t)) ?? String(t)));
    const actual = new Set<string>(platformTypes);
    if (declared.size !== actual.size || [...declared].some((t) => !actual.has(t))) {
      problems.push(`config.json types ${JSON.stringify(configTypes)} do not match labels.json types ${JSON.stringify(scheme.types)}`);
    }
  }

  const crf = parseCrf(await readJson(absDir, 'crf.json'), labels.length, problems);
  if (problems.length > 0) fail(absDir, problems);
  return {
    dir: absDir,
    name: typeof cfg['name'] === 'string' ? cfg['name'] : path.basename(absDir),
    version: typeof cfg['version'] === 'string' ? cfg['version'] : '0',
    precision: precision as 'fp32' | 'int8',
    onnxPath,
    maxLength: maxLength as number,
    window: { size: size as number, overlap: overlap as number },
    vocab,
    special: special as SpecialIds,
    scheme,
    crf,
    platformTypes,
  };
}
