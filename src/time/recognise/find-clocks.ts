import { parseInteger } from '../normalise/numerals.js';
import type { TimexDraft } from './draft.js';

/** A clock time read from the text: the 24-hour value and where it lies. */
export interface ClockHit {
  start: number;
  end: number;
  hour: number;
  minute: number;
  /** Where the hour starts (after the period word, if any). */
  hourStart: number;
  period: string | null;
  /** The written form had minutes, a half, a quarter or seconds (`8:30`, `8点半`), not the bare hour (`8点`). */
  exact: boolean;
}

const PERIOD = '(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|夜里|半夜|早|晚|晨|夜)';
const HOUR = '(?:2[0-4]|[01]?\\d|[零〇一二两三四五六七八九十]{1,3})';
const CN_MINUTE = '(?:[零〇][一二三四五六七八九]|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const MINUTE = `(?:[0-5]?\\d(?!\\d)|${CN_MINUTE})`;

/**
 * The clock grammar: an optional period word, an hour, then `:MM(:SS)` or `点/时` with minutes, `半`, `N刻`, seconds,
 * `钟/整/正`. `下午4:00`, `21时1刻`, `八点`, `九点零九`, `三点半五十九秒`, `14:35分`, `8:00:15`.
 */
const CLOCK = new RegExp(
  `(?<period>${PERIOD})?\\s{0,2}(?<h>${HOUR})\\s{0,2}(?:` +
    `[:：](?<mm>[0-5]\\d)(?![\\d])(?:[:：](?<ss>[0-5]\\d)(?![\\d]))?(?<fen>分)?` +
    `|(?<w>点|时)(?!间|期|候|钟方向|方向)钟?(?:(?<q>[一二三123])刻|(?<m2>${MINUTE})分?(?![钟刻])|(?<half>半))?(?:(?<s2>${MINUTE})秒)?(?:整|正)?(?!\\d))`,
  'y',
);

const AFTERNOON = /^(?:下午|午后|傍晚)$/;
const EVENING = /^(?:晚上|晚间|夜间|夜里|晚|夜|半夜)$/;

/**
 * The 24-hour hour of a written hour under a period word: `下午4` → 16, `晚上8` → 20, `晚上19` → 19, `中午1` → 13.
 * An evening word with a small hour is the small hours of the night (`晚2点半` → 02:30, `夜里12点` → 00:00), as JioNLP
 * reads it (docs/time-annotation.md, differential check). Null for an hour past 24.
 */
export function hourOf(hour: number, period: string | null): number | null {
  if (hour > 24) return null;
  if (hour === 24) return 0;
  if (period === null) return hour;
  if (AFTERNOON.test(period) && hour < 12) return hour + 12;
  if (EVENING.test(period)) return hour === 12 ? 0 : hour >= 5 && hour < 12 ? hour + 12 : hour;
  if (period === '中午' && hour < 6) return hour + 12;
  if (period === '凌晨' && hour === 12) return 0;
  return hour;
}

/**
 * Reads a clock time starting exactly at `pos` (after up to three spaces); `impliedPeriod` is a period word already
 * said before it (`今晚|8点` → 20:00). Null when there is none or the hour or minute is impossible.
 * `readClockAt('下午4:00出现', 0)` → `{ hour: 16, minute: 0, start: 0, end: 7, … }`.
 */
export function readClockAt(text: string, pos: number, impliedPeriod: string | null = null): ClockHit | null {
  const lead = /^\s{0,3}/.exec(text.slice(pos, pos + 3))?.[0].length ?? 0;
  CLOCK.lastIndex = pos + lead;
  const m = CLOCK.exec(text);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const rawHour = parseInteger(g.h ?? '');
  if (rawHour === null) return null;
  const period = g.period ?? null;
  const hour = hourOf(rawHour, period ?? impliedPeriod);
  let minute = 0;
  if (g.mm !== undefined) minute = Number(g.mm);
  else if (g.m2 !== undefined) minute = parseInteger(g.m2) ?? 60;
  else if (g.half !== undefined) minute = 30;
  else if (g.q !== undefined) minute = 15 * (parseInteger(g.q) ?? 4);
  if (hour === null || minute > 59) return null;
  const exact = g.mm !== undefined || g.m2 !== undefined || g.half !== undefined || g.q !== undefined || g.s2 !== undefined;
  const start = pos + lead;
  const hourStart = start + (period?.length ?? 0) + (/^\s*/.exec(text.slice(start + (period?.length ?? 0)))?.[0].length ?? 0);
  return { start, end: m.index + m[0].length, hour, minute, hourStart, period, exact };
}

/** Day words a clock can hang on (`昨晚8点`, `今天下午5点`): the day relative to the reference, and its period. */
const DEICTIC_DAY = /(大前天|大后天|前天|前日|昨天|昨日|昨晚|昨夜|今天|今日|今晨|今早|今晚|今夜|明天|明日|明晨|明早|明晚|后天)(凌晨)?$/;
const DAY_OFFSET: Readonly<Record<string, number>> = {
  大前天: -3, 前天: -2, 前日: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 昨夜: -1, 今天: 0, 今日: 0, 今晨: 0, 今早: 0, 今晚: 0,
  今夜: 0, 明天: 1, 明日: 1, 明晨: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3,
};

/** Before a bare clock: a time preposition or a clause break (`于14:30`, `，15:20`). */
const CLAUSE_OR_PREPOSITION = /(?:^|(?<![大小等高低多少位介属由对过])于|[在至到，,。；;：:\s]|\\U0004)$/;
/** A schedule, not a moment: `每天晚上8点服药`, `每晚8点`. */
const SCHEDULE = /每[天日晚周]?[^，,。；;]{0,3}$/;
/** Clock-face positions and lists of them: `8点钟方向`, `3点处`, `4点、7点`, `3--5点`. */
const POSITION_AFTER = /^\s*(?:钟?方向|钟?处|钟?位|钟?距|、|[-~—～]|至\s*\d|到\s*\d)/;

/**
 * Clock times not attached to a written date (guideline §1: `XXXX-XX-XXTHH:MM`): after a deictic day word
 * (`昨晚|8时35分` → its day from the reference, PM from 晚), with a period word (`于晚上8点`), or after a time
 * preposition or clause break (`于14:30`, `，15点30分`; a bare hour like `于8点` only after 于/在/至/到).
 * Schedules (`每晚8点`) and clock-face positions (`右乳3点`, `8点钟方向`) are not times.
 */
export function findBareClocks(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  const starts = /(?:凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|夜里|半夜|[早晚晨夜])?\s{0,2}(?:2[0-4]|[01]?\d|[零〇一二两三四五六七八九十]{1,3})\s{0,2}[:：点时]/g;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const at = m.index;
    if (/[\d.〇零一二两三四五六七八九十:：]$/.test(text.slice(0, at))) continue; // inside a number or a ratio
    if (/^[早晚晨夜]/.test(m[0]) && /[今昨明]$/.test(text.slice(0, at))) {
      starts.lastIndex = at + 1; // `今晚|8点`: 晚 belongs to the day word; read the clock from its hour
      continue;
    }
    const before = text.slice(Math.max(0, at - 8), at);
    const deictic = DEICTIC_DAY.exec(before);
    const clock = readClockAt(text, at, deictic ? (/[晚夜]/.test(deictic[1] ?? '') ? '晚' : null) : null);
    if (clock === null || clock.start !== at) continue;
    if (SCHEDULE.test(text.slice(Math.max(0, at - 6), at))) continue;
    if (POSITION_AFTER.test(text.slice(clock.end, clock.end + 4))) continue;
    const context = clock.period !== null || deictic !== null || (CLAUSE_OR_PREPOSITION.test(before) && (clock.exact || /(?:(?<![大小等高低多少位介属由对过])于|[在至到])\s*$/.test(before)));
    if (!context) continue;
    // `今日凌晨3:00`: 凌晨 joins the day word (guideline §1: `今日凌晨`), so the clock starts at its hour.
    const start = deictic && clock.period === '凌晨' ? clock.hourStart : clock.start;
    const fields = { year: null, month: null, day: null, clock: { hour: clock.hour, minute: clock.minute } };
    const offset = deictic ? DAY_OFFSET[deictic[1] ?? ''] : undefined;
    out.push({ start, end: clock.end, kind: 'DATE', value: '', approx: false, date: offset === undefined ? fields : { ...fields, dayOffset: offset } });
    starts.lastIndex = clock.end;
  }
  return out;
}
