import path from 'node:path';
import { isRecord } from './model-files.js';

/**
 * The `heads` entry of config.json (CONTRACTS.md § Model folder), checked for shape only: which files and ONNX output
 * each CRF head uses. Its files are read and cross-checked by `model-heads.ts`.
 *
 * Without `heads` a folder has one implicit head named after the model: output `emissions`, `labels.json`, `crf.json`.
 *
 * @example parseHeadsConfig(undefined, 'tiny') → { specs: [{ name: 'tiny', output: 'emissions', labelsFile: 'labels.json', crfFile: 'crf.json', implicit: true }], problems: [] }
 */
export interface HeadSpec {
  name: string;
  /** ONNX output: float32 [batch, length, numLabels of this head]. */
  output: string;
  labelsFile: string;
  crfFile: string;
  /** Declared entity labels (`types`); checked against the labels file. */
  types?: string[];
  /** Labels this head contributes to the served (merged) output; default all of its types. */
  serve?: string[];
  /**
   * Labels of earlier heads that this head's served entities may contain (`merge-heads.ts`); default none. Shape only
   * here (and empty for head 0); that each is served by an earlier head is checked by `checkNestOver`.
   */
  nestOver?: string[];
  /** True for the single head of a folder without `heads` (config.json `types` is then checked the old way). */
  implicit: boolean;
  /** `config.json heads[i] (name)`, for messages. */
  where: string;
}

export function parseHeadsConfig(raw: unknown, modelName: string): { specs: HeadSpec[]; problems: string[] } {
  if (raw === undefined) {
    return {
      specs: [{ name: modelName, output: 'emissions', labelsFile: 'labels.json', crfFile: 'crf.json', implicit: true, where: 'config.json' }],
      problems: [],
    };
  }
  const problems: string[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`config.json heads: expected a non-empty array of head objects, got ${JSON.stringify(raw)}`);
    return { specs: [], problems };
  }
  const specs: HeadSpec[] = [];
  const names = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    const at = `config.json heads[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at}: expected an object {name, output, labels, crf, types, serve?, nestOver?}`);
      return;
    }
    const before = problems.length;
    const name = text(entry['name'], `${at} name`, problems);
    const where = name === null ? at : `${at} (${name})`;
    const output = text(entry['output'], `${where} output`, problems);
    const labelsFile = fileName(entry['labels'], `${where} labels`, problems);
    const crfFile = fileName(entry['crf'], `${where} crf`, problems);
    const types = labelList(entry['types'], `${where} types`, problems);
    const serve = labelList(entry['serve'], `${where} serve`, problems);
    const nestOver = nestOverList(entry['nestOver'], `${where} nestOver`, problems);
    const wellFormed = problems.length === before;
    // Reported, but the head still loads (its files get checked; later heads see it as an earlier head).
    if (i === 0 && nestOver !== undefined && nestOver.length > 0) {
      problems.push(`${where} nestOver: must be empty for the first head (no earlier head to nest over), got ${JSON.stringify(nestOver)}`);
    }
    // A duplicate name does not stop the head's files from being checked: report everything at once.
    if (name !== null) {
      if (names.has(name)) problems.push(`${where}: duplicate head name '${name}'`);
      names.add(name);
    }
    if (!wellFormed || name === null || output === null || labelsFile === null || crfFile === null) return;
    specs.push({
      name, output, labelsFile, crfFile, implicit: false, where,
      ...(types !== undefined ? { types } : {}),
      ...(serve !== undefined ? { serve } : {}),
      ...(nestOver !== undefined ? { nestOver } : {}),
    });
  });
  return { specs, problems };
}

function text(v: unknown, what: string, problems: string[]): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.push(`${what}: expected a non-empty string, got ${JSON.stringify(v) ?? 'nothing'}`);
  return null;
}

/** A file of the folder: relative and not climbing out of it (a config must not make the engine read elsewhere). */
function fileName(v: unknown, what: string, problems: string[]): string | null {
  const name = text(v, what, problems);
  if (name === null) return null;
  const normal = path.normalize(name);
  if (path.isAbsolute(name) || normal === '..' || normal.startsWith(`..${path.sep}`)) {
    problems.push(`${what}: '${name}' is not a file inside the model folder`);
    return null;
  }
  return name;
}

function labelList(v: unknown, what: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '')) {
    const list = v as string[];
    const twice = list.filter((x, i) => list.indexOf(x) !== i);
    if (twice.length === 0) return list;
    problems.push(`${what}: ${JSON.stringify(twice)} listed twice`);
    return undefined;
  }
  problems.push(`${what}: expected a non-empty array of labels, got ${JSON.stringify(v)}`);
  return undefined;
}

/** `nestOver`: an array of labels, possibly empty. */
function nestOverList(v: unknown, what: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')) return v as string[];
  problems.push(`${what}: expected an array of labels of earlier heads, got ${JSON.stringify(v)}`);
  return undefined;
}
