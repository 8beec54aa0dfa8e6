import type { ParsedNumber } from './numerals.js';

/** Time units a Chinese quantity can carry, in ISO 8601 order. */
export type DurationUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S';

/** How a fraction of a unit carries into the next smaller one (`1.5月` → 1 month 15 days). */
const CARRY: Readonly<Record<DurationUnit, { next: DurationUnit; factor: number } | null>> = {
  Y: { next: 'M', factor: 12 },
  M: { next: 'D', factor: 30 },
  W: { next: 'D', factor: 7 },
  D: { next: 'H', factor: 24 },
  H: { next: 'MIN', factor: 60 },
  MIN: { next: 'S', factor: 60 },
  S: null,
};

const DATE_PART: readonly DurationUnit[] = ['Y', 'M', 'W', 'D'];
const TIME_PART: readonly DurationUnit[] = ['H', 'MIN', 'S'];
const LETTER: Readonly<Record<DurationUnit, string>> = { Y: 'Y', M: 'M', W: 'W', D: 'D', H: 'H', MIN: 'M', S: 'S' };

/** Maps a written unit to its ISO unit: `个月` → M, `星期` → W, `小时` → H, `分钟` → MIN. */
export function unitOf(word: string): DurationUnit | null {
  const w = word.replace(/^个/, '');
  if (w === '年') return 'Y';
  if (w === '月') return 'M';
  if (w === '周' || w === '星期' || w === '礼拜') return 'W';
  if (w === '天' || w === '日') return 'D';
  if (w === '小时' || w === '钟头') return 'H';
  if (w === '分钟' || w === '分') return 'MIN';
  if (w === '秒' || w === '秒钟') return 'S';
  return null;
}

/** Splits a possibly fractional amount of a unit into whole components: (1.5, 'M') → {M: 1, D: 15}. */
export function splitAmount(amount: number, unit: DurationUnit): Map<DurationUnit, number> {
  const parts = new Map<DurationUnit, number>();
  let rest = amount;
  let u: DurationUnit | null = unit;
  while (u !== null && rest > 1e-9) {
    const whole = Math.floor(rest + 1e-9);
    if (whole > 0) parts.set(u, (parts.get(u) ?? 0) + whole);
    const carry: { next: DurationUnit; factor: number } | null = CARRY[u];
    if (carry === null) break;
    rest = (rest - whole) * carry.factor;
    u = carry.next;
  }
  if (parts.size === 0) parts.set(unit, 0);
  return parts;
}

/** Writes components as an ISO 8601 duration body: {M: 1, D: 15} → `P1M15D`, {H: 2} → `PT2H`. */
export function formatDuration(parts: ReadonlyMap<DurationUnit, number | string>): string {
  let out = 'P';
  for (const u of DATE_PART) if (parts.has(u)) out += `${parts.get(u)}${LETTER[u]}`;
  const time = TIME_PART.filter((u) => parts.has(u));
  if (time.length > 0) out += 'T' + time.map((u) => `${parts.get(u)}${LETTER[u]}`).join('');
  return out === 'P' ? 'P0D' : out;
}

/**
 * ISO duration of a parsed quantity: (`半`, 年) → `P6M`; (`十几`, 分钟) → `PT1XM`; (3, 天) → `P3D`.
 * Extra components (`1年3个月`) are added with `extra`.
 */
export function quantityToDuration(
  n: ParsedNumber,
  unit: DurationUnit,
  extra: readonly { n: ParsedNumber; unit: DurationUnit }[] = [],
): string {
  const parts = new Map<DurationUnit, number | string>();
  const add = (q: ParsedNumber, u: DurationUnit): void => {
    if (q.kind === 'pattern') {
      parts.set(u, q.pattern);
      return;
    }
    for (const [k, v] of splitAmount(q.value, u)) {
      const prev = parts.get(k);
      parts.set(k, typeof prev === 'number' ? prev + v : v);
    }
  };
  add(n, unit);
  for (const e of extra) add(e.n, e.unit);
  return formatDuration(parts);
}
