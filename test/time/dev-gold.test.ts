import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGoldLine } from '../../src/time/evaluate/gold-record.js';
import { addRecord, emptyCounts, prf } from '../../src/time/evaluate/score-time.js';
import { analyseTime } from '../../src/time/index.js';

// The shared gold file lives next to the repository (never copied in); the check is skipped where it is absent.
const DEV = fileURLToPath(new URL('../../../shared/data/time-gold/dev.jsonl', import.meta.url));

describe.skipIf(!existsSync(DEV))('time-gold dev set (regression guard for the issue targets)', () => {
  it('meets TIMEX F1 ≥ 0.95, value accuracy ≥ 0.92 and link accuracy ≥ 0.92', () => {
    const c = emptyCounts();
    for (const line of readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim() !== '')) {
      const g = parseGoldLine(line);
      addRecord(c, g, analyseTime({ text: g.text, entities: g.entities }));
    }
    expect(prf(c.matched, c.predicted, c.gold).f1).toBeGreaterThanOrEqual(0.95);
    expect(c.valueCorrect / c.matched).toBeGreaterThanOrEqual(0.92);
    expect(c.linksCorrect / c.links).toBeGreaterThanOrEqual(0.92);
  });
});
