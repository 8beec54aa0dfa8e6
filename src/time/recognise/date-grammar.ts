/**
 * The pieces calendar expressions are built from, in digits and in Chinese numerals, and their readers.
 * Every pattern runs on folded text (fold-text.ts), so full-width digits are ASCII here.
 */
import { parseConsecutivePair, parseDigitString, parseInteger } from '../normalise/numerals.js';
import type { DateFields } from './draft.js';

const CN_DIGIT = '[〇零一二三四五六七八九]';

/** Characters a number can be part of: a date piece must not start in the middle of one. */
export const NOT_AFTER_NUMBER = String.raw`(?<![\d.〇零一二两三四五六七八九十百千])`;

/**
 * A time preposition before a date (`于6月`, `在12号`, `至3/18`); `于` inside a comparison or a place (`大于3月`,
 * `小于1/3`, `位于3点`) is no preposition.
 */
export const PREPOSITION = String.raw`(?:(?<![大小等高低多少位介属由对过])于|在|至|到|从|自)`;

/** A month number, 1–12: `3`, `03`, `三`, `十一`. */
export const MONTH = String.raw`(?:\d{1,2}|十[一二]?|[一二三四五六七八九])`;

/** A day of the month, 1–31: `5`, `05`, `十五`, `二十九`, `三十一`. */
export const DAY = String.raw`(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`;

/** A year in Chinese numerals: digit by digit (`二零一六`, `〇八`) or with 千 (`两千零四`, `两千`). */
export const CN_YEAR = String.raw`(?:${CN_DIGIT}{4}|${CN_DIGIT}{2}|[一二两]千(?:零?[一二三四五六七八九十]{1,3})?)`;

/** A year in digits: four (`2016`), two (`16`) or a five-digit slip (`20165`, repaired to 2016). */
export const DIGIT_YEAR = String.raw`(?:(?:19|20)\d{2}|20\d{3}|\d{2})`;

/**
 * What may not follow a day written without 日/号 (`八月十五`, `3月10`): another digit or numeral, a unit, a
 * quantity word or a measurement, any of which would make the number something else (`3月10天`, `3月10次`).
 */
export const NOT_A_BARE_DAY = String.raw`(?![\d〇零一二两三四五六七八九十百]|\s*(?:[天日号周月年时分秒次个余多前后内来以左+\-~—–.\/%×*:：]|小时|cm|mm|ml|mg|kg|g(?![a-z])|岁|程|度|级|期|型|枚|例|粒|片|支|U|u))`;

/** What may not follow a month or year that would make it a quantity (`3月前`, `3月余`, `5年来`). */
export const NOT_A_QUANTITY = String.raw`(?!\s*(?:[前后余多以内左+个半\d]|来(?![院诊我本])|之[前后内]|[天日号周]|小时|分|秒))`;

/**
 * A year as written: `2016`, `20165` → 2016 (a doubled digit, the obvious repair), `16` → 2016, `98` → 1998,
 * `二〇一六` → 2016, `零九` → 2009, `两千零四` → 2004. Null if it is no year (a month-count like `三四`).
 */
export function readYear(raw: string): number | null {
  if (/^\d{5}$/.test(raw)) return Number(raw.slice(0, 4));
  if (/^\d{4}$/.test(raw)) return Number(raw);
  if (/[千]/.test(raw)) return parseInteger(raw);
  const n = parseDigitString(raw);
  if (n === null) return null;
  if ([...raw].length === 2) return expandTwoDigitYear(n);
  return [...raw].length === 4 ? n : null;
}

/** CCKS records were written 1990–2019: `00–29` → 20xx, `30–99` → 19xx. */
export function expandTwoDigitYear(n: number): number {
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * Whether two Chinese digits read as a count rather than a year: consecutive ones (`三四年`, `五六年`) are the
 * usual "three or four years", so they are a year only when a month follows (`八九年五月`).
 */
export function isCountPair(raw: string): boolean {
  return parseConsecutivePair(raw) !== null;
}

/** A month or day number in digits or Chinese: `03` → 3, `十一` → 11. */
export function readNumber(raw: string | undefined): number | null {
  return raw === undefined ? null : parseInteger(raw);
}

/**
 * Date fields, or null if the month is impossible. An impossible day (`2018-02-30`) is kept as written: resolution
 * reports it; a day over 31 or a month over 12 is no date at all.
 */
export function dateFields(year: number | null, month: number | null, day: number | null): DateFields | null {
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day, clock: null };
}
