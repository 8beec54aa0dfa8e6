/** A parsed quantity: a number, or a digit pattern with X for what the text leaves unstated (`十几` → `1X`). */
export type ParsedNumber = { kind: 'number'; value: number } | { kind: 'pattern'; pattern: string };

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Chinese numerals with 十/百/千: `三` → 3, `十二` → 12, `二十` → 20, `一百零五` → 105, `两千零四` → 2004,
 * `两千` → 2000. `零`/`〇` only fills a gap (`一百零五`); two digits in a row without a multiplier (`一六`) are not a
 * count (a year written digit by digit is `parseDigitString`'s job), so null; so is anything malformed.
 */
export function parseChineseInteger(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let current: number | null = null;
  let lastMultiplier = Infinity;
  for (const ch of s) {
    const digit = DIGITS[ch];
    const multiplier = MULTIPLIERS[ch];
    if (digit !== undefined) {
      if (current !== null && current !== 0) return null; // `一六`: digits side by side
      current = digit;
    } else if (multiplier !== undefined) {
      if (multiplier >= lastMultiplier) return null; // `十百`: multipliers must fall
      total += (current ?? 1) * multiplier;
      current = null;
      lastMultiplier = multiplier;
    } else {
      return null;
    }
  }
  return total + (current ?? 0);
}

/** A number written digit by digit: `二零一六` → 2016, `〇八` → 8 (as digits: `08`), `2016` → 2016; else null. */
export function parseDigitString(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let out = '';
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined || ch === '两' || ch === '俩') return null;
    out += String(d);
  }
  return out === '' ? null : Number(out);
}

/** An integer in digits or Chinese numerals (`12`, `十二`, `三十一`); null otherwise. */
export function parseInteger(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseInteger(s);
}

/**
 * Two consecutive Chinese digits are a small range, "three or four" (`三四年`, `五六天`): the lower bound, 3.
 * Null when the string is not such a pair.
 */
export function parseConsecutivePair(s: string): number | null {
  const chars = [...s];
  if (chars.length !== 2 || chars.some((c) => c === '零' || c === '〇' || c === '两' || c === '俩')) return null;
  const [a, b] = chars.map((c) => DIGITS[c]);
  return a !== undefined && b !== undefined && b === a + 1 ? a : null;
}

/**
 * Parses the number of a time quantity.
 * `3` → 3, `1.5` → 1.5, `三` → 3, `俩` → 2, `三四` → 3 (a range: its lower bound), `半` → 0.5, `数` / `几` / `多` → pattern `X`, `十几` → `1X`, `数十` → `X0`.
 */
export function parseQuantityNumber(raw: string): ParsedNumber | null {
  const s = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return { kind: 'number', value: Number(s) };
  if (s === '半') return { kind: 'number', value: 0.5 };
  if (s === '数' || s === '几' || s === '多') return { kind: 'pattern', pattern: 'X' };
  if (s === '数十' || s === '几十') return { kind: 'pattern', pattern: 'X0' };
  const teens = /^([一二三四五六七八九]?)十几$/.exec(s);
  if (teens) return { kind: 'pattern', pattern: `${teens[1] ? DIGITS[teens[1]] : 1}X` };
  const decimal = /^(.+)点(.+)$/.exec(s);
  if (decimal) {
    const whole = parseChineseInteger(decimal[1] ?? '');
    const frac = [...(decimal[2] ?? '')].map((c) => DIGITS[c]);
    if (whole === null || frac.some((d) => d === undefined)) return null;
    return { kind: 'number', value: Number(`${whole}.${frac.join('')}`) };
  }
  const pair = parseConsecutivePair(s);
  if (pair !== null) return { kind: 'number', value: pair };
  const n = parseChineseInteger(s);
  return n === null ? null : { kind: 'number', value: n };
}
