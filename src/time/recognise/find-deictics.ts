import type { TimexDraft } from './draft.js';
import { ANCHOR_WORDS } from './lexicon.js';

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
const LETTER: Readonly<Record<Unit, string>> = { DAY: 'D', WEEK: 'W', MONTH: 'M', YEAR: 'Y' };

/** Day words and their offset in days from the reference (`大前天` −3 … `大后天` +3). */
const DAY_WORDS: Readonly<Record<string, number>> = {
  大前天: -3, 前天: -2, 前日: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 昨夜: -1, 今天: 0, 今日: 0, 今晨: 0, 今早: 0, 今晚: 0,
  今夜: 0, 明天: 1, 明日: 1, 明晨: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3,
};
/** Year words: `今年` 0, `去年/上年/上一年` −1, `前年` −2, `明年/下一年/来年` +1, `后年` +2. */
const YEAR_WORDS: Readonly<Record<string, number>> = {
  大前年: -3, 前年: -2, 去年: -1, 上年: -1, 上一年: -1, 今年: 0, 本年: 0, 明年: 1, 下年: 1, 下一年: 1, 来年: 1, 后年: 2,
};
/** The direction prefix of a week or month word: `上上周` −2, `上个月` −1, `本周/这周` 0, `下个月` +1. */
const PREFIX: Readonly<Record<string, number>> = { 上上: -2, 上: -1, 本: 0, 这: 0, 这一: 0, 这个: 0, 今个: 0, 下: 1, 下下: 2 };

/**
 * One pattern for all deictics: a day word (optionally with `凌晨`, the only time-of-day word in the span), a year
 * word, or a direction prefix with a week or month word, each with an optional `初/末/底` (kept in the span).
 * Guards: `后天性` (acquired), `术前日`, `上周期/本周期` (cycles), `本周(氏)蛋白` (Bence Jones), `本月经` (menses), weekday names (`下周三`,
 * not handled), a following month (`今年5月` is a DATE) and a following day (`上个月15号` is a DATE).
 */
const DEICTIC_RE = new RegExp(
  String.raw`(?<day>大前天|大后天|(?<![术院疗])前天|(?<![术院疗])前日|昨天|昨日|昨晚|昨夜|今天|今日|今晨|今早|今晚|今夜|明天|明日|明晨|明早|明晚|(?<![术之以然最先落])后天(?!性))(?<dawn>凌晨)?` +
    String.raw`|(?<year>大前年|(?<![\d〇零一二三四五六七八九十])前年|去年|上一年|上年(?!度|龄)|今年|本年|明年|下一年|下年|来年|(?<![\d之以然最落])后年)` +
    String.raw`|(?<pre>上上|下下|上|下|本|这一|这个|这|今个)个?(?:(?<week>周|星期|礼拜|週)(?![期一二三四五六日天围边氏]|蛋白)|(?<month>月)(?![经份]))` +
    String.raw`(?![〇零一二三四五六七八九十\d]+[月日号])`,
  'g',
);
const SUFFIX = /^(?:初|末|底)/;

/**
 * Deictic words with a definite unit (guideline §1 and docs/time-annotation.md): `今日` P0D, `昨日` −P1D, `大前天` −P3D,
 * `后天` P2D, `今年` P0Y, `上一年` −P1Y, `明年初` P1Y, `下周` P1W, `这周` P0W, `上上周` −P2W, `上个月` −P1M, `本月` P0M,
 * `今日凌晨` P0D. Each carries the calendar unit it names, so resolution can give the whole week or month.
 */
export function findDeictics(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  DEICTIC_RE.lastIndex = 0;
  for (let m = DEICTIC_RE.exec(text); m !== null; m = DEICTIC_RE.exec(text)) {
    const g = m.groups ?? {};
    let unit: Unit;
    let offset: number;
    if (g.day !== undefined) {
      unit = 'DAY';
      offset = DAY_WORDS[g.day] ?? 0;
    } else if (g.year !== undefined) {
      unit = 'YEAR';
      offset = YEAR_WORDS[g.year] ?? 0;
    } else {
      unit = g.week !== undefined ? 'WEEK' : 'MONTH';
      offset = PREFIX[g.pre ?? ''] ?? 0;
    }
    let end = m.index + m[0].length;
    if (unit !== 'DAY') end += SUFFIX.exec(text.slice(end))?.[0].length ?? 0; // `明年初`, `本月底`, `下周末`
    const value = `${offset < 0 ? '-' : ''}P${Math.abs(offset)}${LETTER[unit]}`;
    out.push({ start: m.index, end, kind: 'RELATIVE', value, approx: false, calendarUnit: unit });
    DEICTIC_RE.lastIndex = end;
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
