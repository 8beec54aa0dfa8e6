import type { DateFields } from '../recognise/draft.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * ISO partial date of resolved fields: {2018, 3, 12} → `2018-03-12`; {null, 7, 30} → `XXXX-07-30`; a bare day → `XXXX-XX-23`;
 * with a clock → `2018-03-12T03:00`; a clock without a date → `XXXX-XX-XXTHH:MM`.
 */
export function formatDate(f: DateFields): string {
  let out = f.year === null ? 'XXXX' : pad(f.year, 4);
  if (f.month !== null) out += `-${pad(f.month)}`;
  else if (f.clock !== null || f.day !== null) out += '-XX';
  if (f.day !== null) out += `-${pad(f.day)}`;
  else if (f.clock !== null) out += '-XX';
  if (f.clock !== null) out += `T${pad(f.clock.hour)}:${pad(f.clock.minute)}`;
  return out;
}
