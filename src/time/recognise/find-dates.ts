import { CN_YEAR, DAY, dateFields, DIGIT_YEAR, isCountPair, MONTH, NOT_A_BARE_DAY, NOT_A_QUANTITY, NOT_AFTER_NUMBER, readNumber, readYear } from './date-grammar.js';
import { collect, type DatePattern } from './date-pattern.js';
import type { TimexDraft } from './draft.js';
import { readClockAt } from './find-clocks.js';
import { findYearlessDates } from './find-yearless-dates.js';
import { isPlanned } from './plan-clause.js';

/**
 * Finds calendar dates in folded text: `2018-03-12`, `2018.3.12`, `2018年3月12日`, `二零一六年八月十二日`, `2018-03`,
 * `2017年十一月`, `2015年`, `零九年`, `13.4.12`, `18年3月`, `今年5月`, and the yearless ones of
 * find-yearless-dates.ts; a clock right after a day joins its date (`2020年5月18日下午4:00`, `2019-11-0508:20`).
 * Values are filled in later (year inference).
 */
export function findDates(text: string): TimexDraft[] {
  const out: TimexDraft[] = [];
  for (const p of PATTERNS) collect(text, p, out);
  out.push(...findYearlessDates(text));
  for (const d of out) {
    if (d.date && d.date.day !== null) attachClock(text, d);
    if (d.date && d.date.year === null && isPlanned(text, d.start)) d.date.planned = true;
  }
  return out;
}

/** `2016-3-2 08:30`, `2月15号早上8点`, `2019-11-0508:20`: a clock right after a day belongs to that DATE. */
function attachClock(text: string, d: TimexDraft): void {
  if (!d.date) return;
  const clock = readClockAt(text, d.end);
  if (clock === null) return;
  d.date.clock = { hour: clock.hour, minute: clock.minute };
  d.end = clock.end;
}

const SEP = String.raw`\s*[-./]\s*`;
const Y4 = String.raw`(?<y>(?:19|20)\d{2}|20\d(?=\d\d[-./])\d)`;
/** Not in the middle of a number, a decimal, or a Chinese numeral. */
const FREE = NOT_AFTER_NUMBER;
const YEAR_SUFFIX = String.raw`(?:初|末|底|中|上半年|下半年)`;
const MONTH_SUFFIX = String.raw`(?:份|初|末|底|中旬|上旬|下旬|中(?![心毒]))?`;
/** A two-digit day may run straight into its clock (`2019-11-0508:20`): the clock takes the digits after it. */
const DAY_END = String.raw`(?:(?!\d)|(?<=\d\d)(?=\d{1,2}[:：][0-5]\d))(?!\.\d)`;

const year = (raw: string | undefined): number | null => (raw === undefined ? null : readYear(raw));

const PATTERNS: readonly DatePattern[] = [
  // 2018-03-12, 2018.3.12, 2018/3/12, 2008年3月10, 20165-5-16, 2018-12-1209:03
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)(?:${Y4}|(?<y5>20\d{3}))(?:${SEP}|\s*年\s*)(?<m>\d{1,2})(?:${SEP}|\s*月\s*)(?<d>\d{1,2})${DAY_END}(?:\s*[日号])?`, 'g'),
    read: (g) => dateFields(year(g.y ?? g.y5), readNumber(g.m), readNumber(g.d)),
  },
  // 2016年四月五号, 二零一六年八月十二日, 零七年八月二十九号, 15年3月2日, 两千零四年八月十五
  {
    re: new RegExp(String.raw`${FREE}(?<y>${DIGIT_YEAR}|${CN_YEAR})\s*年\s*(?<m>${MONTH})\s*月\s*(?<d>${DAY})(?:\s*[日号]|${NOT_A_BARE_DAY})`, 'g'),
    read: (g) => dateFields(year(g.y), readNumber(g.m), readNumber(g.d)),
  },
  // 2018-03, 2018.3, 2018年3月, 2014-8月, 2014年11月份, 2014年3月初
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)${Y4}(?:${SEP}(?<m>\d{1,2})(?!\d)(?!\.\d)(?:月${MONTH_SUFFIX})?|\s*年\s*(?<m2>\d{1,2})\s*月${MONTH_SUFFIX})`, 'g'),
    read: (g) => dateFields(year(g.y), readNumber(g.m ?? g.m2), null),
  },
  // 2017年十一月, 二〇〇八年十一月, 零九年五月, 98年4月, 2018年 十二月 (not `12年3月前`, a length)
  {
    re: new RegExp(String.raw`${FREE}(?<y>${DIGIT_YEAR}|${CN_YEAR})\s*年\s*(?<m>${MONTH})\s*月${MONTH_SUFFIX}${NOT_A_QUANTITY}`, 'g'),
    read: (g) => dateFields(year(g.y), readNumber(g.m), null),
  },
  // 2015年, 2014年末
  {
    re: new RegExp(String.raw`(?<!\d)(?<!\d\.)${Y4}\s*年${YEAR_SUFFIX}?`, 'g'),
    read: (g) => dateFields(year(g.y), null, null),
  },
  // 二〇一六年, 一六年, 零八年, 两千年 (not `三四年`, "three or four years"); 19年底, 07年, 于16年
  {
    re: new RegExp(String.raw`${FREE}(?:(?<cy>${CN_YEAR})年${YEAR_SUFFIX}?|(?<sy>\d{2})年${YEAR_SUFFIX}|(?<zy>0\d)\s?年|(?<=[于在自从至到])(?<py>\d{2})年)${NOT_A_QUANTITY}(?![一二三四五六七八九十\d]+月)`, 'g'),
    read: (g) => {
      if (g.cy !== undefined && isCountPair(g.cy)) return null;
      return dateFields(year(g.cy ?? g.sy ?? g.zy ?? g.py), null, null);
    },
  },
  // 13.4.12, 13-4-12 (two-digit year, two separators)
  {
    re: /(?<![\d.\-/A-Za-z])(?<y>\d{2})(?<s>[.\-/])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![\d.\-/])/g,
    read: (g) => dateFields(year(g.y), readNumber(g.m), readNumber(g.d)),
  },
  // 今年5月, 去年12月10日, 明年3月份, 去年6月上旬, 今年六月
  {
    re: new RegExp(String.raw`(?<w>今年|去年|前年|大前年|明年|后年)(?<m>${MONTH})月(?:(?<d>${DAY})(?:[日号]|${NOT_A_BARE_DAY})|${MONTH_SUFFIX})`, 'g'),
    read: (g) => {
      const f = dateFields(null, readNumber(g.m), readNumber(g.d));
      if (f) f.yearOffset = { 今年: 0, 去年: -1, 前年: -2, 大前年: -3, 明年: 1, 后年: 2 }[g.w ?? '今年'] ?? 0;
      return f;
    },
  },
];
