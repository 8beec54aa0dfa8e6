import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectAssertions } from '../../src/assertion/index.js';
import { parseGoldLine } from '../../src/assertion/evaluate/gold-line.js';
import { addMention, emptyAssertionCounts, scoreAssertions } from '../../src/assertion/evaluate/score-assertion.js';
import { toGoldLine, type ChipCdeeSentence } from '../../tools/assertion/chip-cdee-to-gold.js';
import { isDevId } from '../../tools/assertion/split-ids.js';

// The shared data lives next to the repository (never copied in); the check is skipped where it is absent.
const DATA = fileURLToPath(new URL('../../../shared/data/chip-cdee/train.json', import.meta.url));
const DEV_IDS = fileURLToPath(new URL('../../models/assertion/splits/dev-ids.txt', import.meta.url));

describe.skipIf(!existsSync(DATA))('CHIP-CDEE dev split (regression guard for the issue targets)', () => {
  const sentences = JSON.parse(readFileSync(DATA, 'utf8')) as ChipCdeeSentence[];

  it('is the committed id list, and the hash split reproduces it', () => {
    const committed = readFileSync(DEV_IDS, 'utf8').trim().split('\n').map(Number);
    expect(sentences.filter((s) => isDevId(s.id)).map((s) => s.id).sort((a, b) => a - b)).toEqual(committed);
  });

  it('aligns ≥ 99% of findings and meets accuracy ≥ 0.92, macro-F1 ≥ 0.90', () => {
    const counts = emptyAssertionCounts();
    let findings = 0;
    let aligned = 0;
    sentences.filter((s) => isDevId(s.id)).forEach((s, i) => {
      const g = toGoldLine(s);
      findings += s.event.length;
      aligned += g.exact + g.fuzzy;
      const gold = parseGoldLine(JSON.stringify(g.line), i + 1);
      const predicted = detectAssertions(gold.text, gold.mentions);
      gold.mentions.forEach((m, k) => addMention(counts, m, predicted[k] as (typeof predicted)[number]));
    });
    const s = scoreAssertions(counts);
    expect(aligned / findings).toBeGreaterThanOrEqual(0.99);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.92);
    expect(s.macroF1).toBeGreaterThanOrEqual(0.9);
  });
});
