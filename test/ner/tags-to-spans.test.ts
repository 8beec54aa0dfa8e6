import { describe, expect, it } from 'vitest';
import { tagsToSpans } from '../../src/ner/crf/tags-to-spans.js';
import { parseLabelScheme } from '../../src/ner/labels.js';

const { scheme } = parseLabelScheme(['O', 'B-药物', 'I-药物', 'E-药物', 'S-药物', 'B-手术', 'I-手术', 'E-手术', 'S-手术']);
const id = (label: string): number => scheme.labels.indexOf(label);
const spans = (...labels: string[]) => tagsToSpans(labels.map(id), scheme).map((s) => [s.start, s.end, scheme.types[s.typeIndex]]);

describe('tagsToSpans', () => {
  it('reads S-X and B-X (I-X)* E-X', () => {
    expect(spans('S-药物', 'O', 'B-手术', 'E-手术', 'B-药物', 'I-药物', 'I-药物', 'E-药物')).toEqual([
      [0, 1, '药物'],
      [2, 4, '手术'],
      [4, 8, '药物'],
    ]);
  });

  it('drops invalid runs: orphan I/E, unclosed B, type changes', () => {
    expect(spans('I-药物', 'E-药物')).toEqual([]);
    expect(spans('B-药物', 'I-药物', 'O')).toEqual([]);
    expect(spans('B-药物', 'E-手术')).toEqual([]);
    expect(spans('B-药物', 'I-手术', 'E-手术')).toEqual([]);
    expect(spans('B-药物')).toEqual([]);
    // A broken run does not swallow a valid entity right after it.
    expect(spans('B-药物', 'I-药物', 'B-药物', 'E-药物', 'S-手术')).toEqual([
      [2, 4, '药物'],
      [4, 5, '手术'],
    ]);
  });

  it('reports label-scheme problems', () => {
    expect(parseLabelScheme(['O', 'B-X', 'I-X', 'E-X']).problems).toEqual(["type 'X' lacks S-X"]);
    expect(parseLabelScheme(['B-X', 'I-X', 'E-X', 'S-X']).problems).toEqual(["labels lack 'O'"]);
    expect(parseLabelScheme(['O', 'Q-X']).problems[0]).toMatch(/label 1 is 'Q-X'/u);
  });
});
