import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityType } from '../domain/index.js';
import { parseHeadsConfig } from './head-config.js';
import { exists, fail, isRecord, readJson, toPlatformType } from './model-files.js';
import { checkNestOver, loadHead, servedLabels, type ModelHead } from './model-heads.js';
import { findSpecialIds, parseVocabulary, type SpecialIds, type Vocabulary } from './tokenizer/vocabulary.js';

export type { ModelHead } from './model-heads.js';

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
  /** CRF heads over the one network, in priority order; a folder without config.json `heads` has exactly one. */
  heads: ModelHead[];
  /** Served labels: the union of the heads' `serve` lists, in head order. */
  labels: string[];
  /** Platform type of each entry of `labels`. */
  platformTypes: EntityType[];
}

export interface LoadModelFolderOptions {
  /** Serve another ONNX file of the folder (e.g. `model.int8.onnx` in the benchmark) instead of `config.onnxFile`. */
  onnxFile?: string;
}

/**
 * Loads and checks `dir`.
 * @example await loadModelFolder('test/fixtures/tiny-model') → { name: 'tiny-random-hybrid', heads: [{ name: 'tiny-random-hybrid', output: 'emissions', ... }], labels: ['疾病和诊断', ...], ... }
 */
export async function loadModelFolder(dir: string, options: LoadModelFolderOptions = {}): Promise<ModelFolder> {
  const absDir = path.resolve(dir);
  if (!(await exists(absDir))) fail(absDir, ['the folder does not exist']);
  // config.json names the head files, so read it (when present) before listing what is missing.
  const hasConfig = await exists(path.join(absDir, 'config.json'));
  const config = hasConfig ? await readJson(absDir, 'config.json') : {};
  const cfg = isRecord(config) ? config : {};
  const name = typeof cfg['name'] === 'string' ? cfg['name'] : path.basename(absDir);
  const { specs, problems } = parseHeadsConfig(cfg['heads'], name);
  const required = [...new Set(['vocab.txt', ...specs.flatMap((s) => [s.labelsFile, s.crfFile]), 'config.json'])];
  const missing = [];
  for (const f of required) if (!(await exists(path.join(absDir, f)))) missing.push(`missing ${f}`);
  if (missing.length > 0) fail(absDir, missing);

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

  const heads: ModelHead[] = [];
  for (const spec of specs) heads.push(await loadHead(absDir, spec, cfg['types'], problems));
  checkNestOver(heads, specs, problems);
  const labels = servedLabels(heads);
  const configTypes = cfg['types'];
  // Multi-head: config.json `types` declares the served union (exact labels; the implicit head checks its own).
  if (cfg['heads'] !== undefined && configTypes !== undefined) {
    const declared = Array.isArray(configTypes) ? configTypes.map(String) : [];
    if (!Array.isArray(configTypes) || declared.length !== labels.length || declared.some((t) => !labels.includes(t))) {
      problems.push(`config.json types ${JSON.stringify(configTypes)} do not match the heads' served labels ${JSON.stringify(labels)}`);
    }
  }
  if (problems.length > 0) fail(absDir, problems);
  return {
    dir: absDir,
    name,
    version: typeof cfg['version'] === 'string' ? cfg['version'] : '0',
    precision: precision as 'fp32' | 'int8',
    onnxPath,
    maxLength: maxLength as number,
    window: { size: size as number, overlap: overlap as number },
    vocab,
    special: special as SpecialIds,
    heads,
    labels,
    platformTypes: labels.map((l) => toPlatformType(l) as EntityType),
  };
}
