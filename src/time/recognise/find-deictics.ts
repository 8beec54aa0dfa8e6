import type { TimexDraft } from './draft.js';
import { ANCHOR_WORDS } from './lexicon.js';

const DEICTIC: Readonly<Record<string, string>> = {
  今日: 'P0D', 今天: 'P0D', 今晨: 'P0D', 昨日: '-P1D', 昨天: '-P1D', 昨晚: '-P1D', 前日: '-P2D', 前天: '-P2D',
  明日: 'P1D', 明天: 'P1D', 今年: 'P0Y', 去年: '-P1Y', 前年: '-P2Y',
};

const DEICTIC_RE = /(今日|今天|今晨|昨日|昨天|昨晚|(?<![术院疗])前日|(?<![术院疗])前天|明日|明天|今年|去年|前年)(凌晨)?(?!\d+月)/g;

/** Deictic words with a definite unit (guideline §1): `今日` P0D, `昨日` -P1D, `今年` P0Y, `今日凌晨` P0D. */
export function findDeictics(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  DEICTIC_RE.lastIndex = 0;
  for (let m = DEICTIC_RE.exec(text); m !== null; m = DEICTIC_RE.exec(text)) {
    const word = m[1] ?? '';
    // Only `凌晨` joins the span (guideline: `今日凌晨`); `昨日夜间` keeps `夜间` out.
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'RELATIVE', value: DEICTIC[word] ?? 'P0D', approx: false });
  }
  return out;
}

const SAME_DAY = new RegExp(`(${ANCHOR_WORDS.join('|')})(后)?(当日|当天|当晚|次日|翌日|第二天|第2天)`, 'g');

/** `发病当日` → anchor 发病, P0D; `术后次日` → anchor 术, P1D (guideline §1, "N after an event"). */
export function findSameDayOffsets(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  SAME_DAY.lastIndex = 0;
  for (let m = SAME_DAY.exec(text); m !== null; m = SAME_DAY.exec(text)) {
    const rel = m[3] ?? '';
    const value = /当/.test(rel) ? 'P0D' : 'P1D';
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'EVENT_RELATIVE', anchor: m[1] ?? '', value, approx: false });
  }
  return out;
}
