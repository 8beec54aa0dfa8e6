/**
 * Inputs for the end-to-end tests: the example records under fresh ids, and a model folder.
 * Model: `test/fixtures/tiny-model` when present (fast, random entities), else `models/ccks-union-hybrid`, else a
 * random model written on the fly covering the examples' characters. Tests assert structure and invariants only.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClinicalRecord } from '../../../src/domain/record.js';
import { writeTestModel } from '../../fixtures/ner/test-model.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function exampleRecords(prefix: string): ClinicalRecord[] {
  return readFileSync(path.join(ROOT, 'examples/records.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ClinicalRecord)
    .map((r) => ({ ...r, patientId: `${prefix}-${r.patientId}`, recordId: `${prefix}-${r.recordId}` }));
}

let generated: string | null = null;

export function e2eModelDir(): string {
  for (const candidate of ['test/fixtures/tiny-model', 'models/ccks-union-hybrid']) {
    if (existsSync(path.join(ROOT, candidate, 'model.onnx'))) return path.join(ROOT, candidate);
  }
  if (generated === null) {
    const chars = [...new Set(exampleRecords('x').flatMap((r) => [...r.text]))].filter((c) => !/\s/.test(c)).join('');
    generated = mkdtempSync(path.join(tmpdir(), 'oncotimeline-e2e-model-'));
    writeTestModel(generated, { seed: 7, chars });
  }
  return generated;
}
