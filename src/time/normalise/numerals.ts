/** A parsed quantity: a number, or a digit pattern with X for what the text leaves unstated (`十几` → `1X`). */
export type ParsedNumber = { kind: 'number'; value: number } | { kind: 'pattern'; pattern: string };

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals up to the hundreds: `三` → 3, `十二` → 12, `二十` → 20, `一百零五` → 105; null if malformed. */
export function parseChineseInteger(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      current = DIGITS[ch] ?? 0;
      seen = true;
    } else if (ch === '十') {
      total += (seen ? current : 1) * 10;
      current = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen ? current : 1) * 100;
      current = 0;
      seen = false;
    } else {
      return null;
    }
  }
  return total + current;
}

/**
 * Parses the number of a time quantity.
 * `3` → 3, `1.5` → 1.5, `三` → 3, `半` → 0.5, `数` / `几` / `多` → pattern `X`, `十几` → `1X`, `数十` → `X0`.
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
  const n = parseChineseInteger(s);
  return n === null ? null : { kind: 'number', value: n };
}
