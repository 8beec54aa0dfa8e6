import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/domain/index.js';
import { InvalidDateError } from '../../src/errors/index.js';

describe('parseCalendarDate', () => {
  it.each(['2018-02-28', '2020-02-29', '2000-02-29', '1999-12-31', '2026-11-30'])('accepts %s', (date) => {
    expect(parseCalendarDate(date)).toBe(date);
  });

  it.each(['2018-02-30', '2019-02-29', '1900-02-29', '2018-04-31', '2018-13-01', '2018-00-10', '2018-3-1', '2018/03/01',
    '2018-03-01T00:00', '', '0000-01-01'])('rejects %s with INVALID_DATE', (date) => {
    expect(() => parseCalendarDate(date)).toThrow(InvalidDateError);
  });

  it('rejects non-strings', () => {
    expect(() => parseCalendarDate(20180301)).toThrow(/expected a string, got number/);
  });
});
