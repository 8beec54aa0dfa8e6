/**
 * The shipped index holds statistics learnt from CHIP-CDN, never its sentences (CC BY-NC-SA: no copies of the
 * dataset in the repository): no training text of 7+ characters occurs in the learnt file. Standard ICD names may
 * (they are the vocabulary), so texts that are a standard name are not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalise/fold-text.js';

const CDN = process.env['CHIP_CDN_TRAIN'] ?? path.resolve('..', 'shared', 'data', 'chip-cdn', 'train.json');

describe.skipIf(!existsSync(CDN))('models/concepts and the CHIP-CDN terms', () => {
  it('contains no training sentence', () => {
    const learnt = gunzipSync(readFileSync('models/concepts/diagnosis.json.gz')).toString('utf8');
    const texts = (JSON.parse(readFileSync(CDN, 'utf8')) as { text: string }[]).map((p) => foldText(p.text)).filter((t) => t.length >= 7);
    expect(texts.length).toBeGreaterThan(1000);
    const copied = texts.filter((t) => learnt.includes(t) || learnt.includes(JSON.stringify(t).slice(1, -1)));
    expect(copied.length, 'training texts found in diagnosis.json.gz').toBe(0);
  });
});
