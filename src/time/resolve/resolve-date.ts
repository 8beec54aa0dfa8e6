import type { Timex, TimexResolution } from '../../domain/index.js';
import { daysInMonth, formatDay, isValidDay } from './calendar.js';

const DATE = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX)(?:T(\d{2}):(\d{2}))?)?)?$/;

/**
 * A DATE value as a calendar interval: `2018-03` → 2018-03-01..2018-03-31 MONTH; `2018-03-12T03:00` → that day,
 * MINUTE; `XXXX-07-30` → UNKNOWN_YEAR; `2018-02-30` → INVALID_DATE.
 */
export function resolveDate(t: Timex): TimexResolution {
  const m = DATE.exec(t.value);
  if (!m) return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
  if (m[1] === 'XXXX' || m[2] === 'XX' || m[3] === 'XX') return { timexId: t.id, interval: null, unresolvedReason: 'UNKNOWN_YEAR' };
  const year = Number(m[1]);
  const approx = t.approx;
  if (m[2] === undefined) {
    return { timexId: t.id, interval: { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'YEAR', approx } };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
  if (m[3] === undefined) {
    const start = formatDay({ year, month, day: 1 });
    const end = formatDay({ year, month, day: daysInMonth(year, month) });
    return { timexId: t.id, interval: { start, end, precision: 'MONTH', approx } };
  }
  const day = { year, month, day: Number(m[3]) };
  if (!isValidDay(day)) return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) {
    return { timexId: t.id, interval: null, unresolvedReason: 'INVALID_DATE' };
  }
  const iso = formatDay(day);
  return { timexId: t.id, interval: { start: iso, end: iso, precision: m[4] !== undefined ? 'MINUTE' : 'DAY', approx } };
}
