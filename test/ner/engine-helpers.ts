/** Shared set-up for engine tests: a throwaway model folder and a pure-JS reference of what the engine must return. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityMention } from '../../src/domain/entity.js';
import { decodeWindow } from '../../src/ner/decode.js';
import type { ModelFolder } from '../../src/ner/model-folder.js';
import { snapNumberEdges } from '../../src/ner/number-edges.js';
import { tokenize } from '../../src/ner/tokenizer/tokenize.js';
import { mergeWindowSpans, planWindows } from '../../src/ner/window.js';
import { writeTestModel, type TestModel, type TestModelOptions } from '../fixtures/ner/test-model.js';

export function tempModel(options: TestModelOptions = {}): TestModel & { cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'ner-model-'));
  const model = writeTestModel(path.join(root, 'model'), options);
  return { ...model, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * What the engine must output for one head (default: the only head of a generated model), computed without
 * onnxruntime: JS emissions, same windowing, same decode, same number-edge rule.
 */
export function referenceExtract(model: Pick<TestModel, 'emissionsOf'>, folder: ModelFolder, text: string, headIndex = 0): Omit<EntityMention, 'confidence'>[] {
  const head = folder.heads[headIndex]!;
  const tokens = tokenize(text, folder.vocab, folder.special);
  const L = head.crf.numLabels;
  const windows = planWindows(tokens.ids.length, folder.window.size, folder.window.overlap);
  const perWindow = windows.map((w) => {
    const data = new Float64Array((w.end - w.start) * L); // [len, L]
    for (let t = w.start; t < w.end; t++) data.set(model.emissionsOf(tokens.ids[t] as number), (t - w.start) * L);
    return decodeWindow({ data, offset: 0, length: w.end - w.start }, head.crf, head.scheme);
  });
  const mentions = mergeWindowSpans(windows, perWindow).map((s) => {
    const start = tokens.offsets[s.start] as number;
    const end = tokens.offsets[s.end] as number;
    return { start, end, text: text.slice(start, end), label: head.scheme.types[s.typeIndex] as string, type: head.platformTypes[s.typeIndex]! };
  });
  return snapNumberEdges(text, mentions); // no edge inside a number (number-edges.test.ts tests the rule itself)
}

/** Random text over the model's vocabulary plus a few out-of-vocabulary, full-width, astral and space characters. */
export function randomText(rand: () => number, length: number, vocab: readonly string[]): string {
  const chars = [...vocab.slice(5), 'Ａ', 'Ｃ', '𠮷', '😀', ' ', '\u3000', '\n', '龘'];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(rand() * chars.length)];
  return out;
}

export function withoutConfidence(entities: EntityMention[]): Omit<EntityMention, 'confidence'>[] {
  return entities.map(({ confidence: _c, ...rest }) => rest);
}
