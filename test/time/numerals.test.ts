import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseQuantityNumber } from '../../src/time/normalise/numerals.js';
import { quantityToDuration, splitAmount, unitOf } from '../../src/time/normalise/duration.js';

describe('parseChineseInteger', () => {
  const table: [string, number][] = [
    ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['九', 9], ['十', 10], ['十一', 11], ['十二', 12], ['二十', 20],
    ['二十五', 25], ['九十九', 99], ['一百', 100], ['一百零五', 105], ['三百二十', 320], ['零', 0], ['〇', 0],
  ];
  for (const [s, n] of table) it(`${s} → ${n}`, () => expect(parseChineseInteger(s)).toBe(n));
  it('rejects non-numerals', () => {
    expect(parseChineseInteger('个')).toBeNull();
    expect(parseChineseInteger('')).toBeNull();
  });
});

describe('parseQuantityNumber', () => {
  it('reads digits, decimals, Chinese numerals and 半', () => {
    expect(parseQuantityNumber('3')).toEqual({ kind: 'number', value: 3 });
    expect(parseQuantityNumber('1.5')).toEqual({ kind: 'number', value: 1.5 });
    expect(parseQuantityNumber('三')).toEqual({ kind: 'number', value: 3 });
    expect(parseQuantityNumber('十二')).toEqual({ kind: 'number', value: 12 });
    expect(parseQuantityNumber('半')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseQuantityNumber('一点五')).toEqual({ kind: 'number', value: 1.5 });
  });
  it('keeps X for unstated digits', () => {
    expect(parseQuantityNumber('数')).toEqual({ kind: 'pattern', pattern: 'X' });
    expect(parseQuantityNumber('几')).toEqual({ kind: 'pattern', pattern: 'X' });
    expect(parseQuantityNumber('多')).toEqual({ kind: 'pattern', pattern: 'X' });
    expect(parseQuantityNumber('十几')).toEqual({ kind: 'pattern', pattern: '1X' });
    expect(parseQuantityNumber('二十几')).toEqual({ kind: 'pattern', pattern: '2X' });
    expect(parseQuantityNumber('数十')).toEqual({ kind: 'pattern', pattern: 'X0' });
  });
});

describe('durations', () => {
  it('maps units', () => {
    expect(unitOf('个月')).toBe('M');
    expect(unitOf('星期')).toBe('W');
    expect(unitOf('个星期')).toBe('W');
    expect(unitOf('小时')).toBe('H');
    expect(unitOf('分钟')).toBe('MIN');
    expect(unitOf('日')).toBe('D');
    expect(unitOf('次')).toBeNull();
  });
  const n = (value: number) => ({ kind: 'number' as const, value });
  const table: [number, Parameters<typeof quantityToDuration>[1], string][] = [
    [3, 'D', 'P3D'], [2, 'H', 'PT2H'], [10, 'MIN', 'PT10M'], [0.5, 'Y', 'P6M'], [0.5, 'M', 'P15D'], [0.5, 'D', 'PT12H'],
    [1.5, 'M', 'P1M15D'], [1.5, 'Y', 'P1Y6M'], [0.5, 'H', 'PT30M'], [2, 'W', 'P2W'], [30, 'S', 'PT30S'], [0, 'D', 'P0D'],
  ];
  for (const [v, u, iso] of table) it(`${v} ${u} → ${iso}`, () => expect(quantityToDuration(n(v), u)).toBe(iso));
  it('writes X patterns with the right designator', () => {
    expect(quantityToDuration({ kind: 'pattern', pattern: '1X' }, 'MIN')).toBe('PT1XM');
    expect(quantityToDuration({ kind: 'pattern', pattern: 'X0' }, 'MIN')).toBe('PTX0M');
    expect(quantityToDuration({ kind: 'pattern', pattern: 'X' }, 'Y')).toBe('PXY');
  });
  it('adds a second component', () => {
    expect(quantityToDuration(n(1), 'Y', [{ n: n(3), unit: 'M' }])).toBe('P1Y3M');
    expect(quantityToDuration(n(2), 'H', [{ n: n(30), unit: 'MIN' }])).toBe('PT2H30M');
  });
  it('splitAmount keeps the total for random fractions of a month', () => {
    for (let k = 1; k <= 40; k++) {
      const amount = k / 4;
      const parts = splitAmount(amount, 'M');
      const days = (parts.get('M') ?? 0) * 30 + (parts.get('D') ?? 0) + (parts.get('H') ?? 0) / 24;
      expect(days).toBeCloseTo(amount * 30, 6);
    }
  });
});
