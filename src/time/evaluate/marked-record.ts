import type { Timex, TimexKind } from '../../domain/index.js';
import type { GoldRecord } from './gold-record.js';

const KINDS: ReadonlySet<string> = new Set<TimexKind>(['DATE', 'RELATIVE', 'EVENT_RELATIVE', 'DURATION']);
const MARK = /\[\[([^\]|]+)\|([A-Z_]+)\|([^\]|]+)((?:\|[~@][^\]|]*)*)\]\]/g;

/**
 * Parses one line of the marked suite format (test/fixtures/time/external/README.md): `id`, `source`,
 * `recordedAt` and a sentence whose TIMEX are marked inline, tab-separated. Records have no entities.
 * `parseMarkedLine('x\tsrc\t2018-06-01\t于[[3月|DATE|2018-03]]行手术')` →
 * `{ id: 'x', recordedAt: '2018-06-01', text: '于3月行手术', timexes: [{ id: 'T1', start: 1, end: 3, text: '3月', kind: 'DATE', value: '2018-03', approx: false }] }`.
 * Throws with the id when a field or a mark is malformed.
 */
export function parseMarkedLine(line: string): GoldRecord & { source: string } {
  const cols = line.split('\t');
  const [id, source, recordedAt, marked] = cols;
  if (cols.length !== 4 || !id || !source || !recordedAt || marked === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(recordedAt)) {
    throw new Error(`expected id, source, recordedAt (YYYY-MM-DD) and sentence separated by tabs, got ${JSON.stringify(line.slice(0, 40))}`);
  }
  let text = '';
  let from = 0;
  const timexes: Timex[] = [];
  for (const m of marked.matchAll(MARK)) {
    const [whole, span = '', kind = '', value = '', flags = ''] = m;
    if (!KINDS.has(kind)) throw new Error(`record ${id}: expected a TIMEX kind, got ${kind}`);
    text += marked.slice(from, m.index);
    const t: Timex = { id: `T${timexes.length + 1}`, start: text.length, end: text.length + span.length, text: span, kind: kind as TimexKind, value, approx: false };
    for (const f of flags.split('|').slice(1)) {
      if (f === '~') t.approx = true;
      else if (f.startsWith('@')) t.anchor = f.slice(1);
    }
    timexes.push(t);
    text += span;
    from = m.index + whole.length;
  }
  text += marked.slice(from);
  if (/\[\[|\]\]/.test(text)) throw new Error(`record ${id}: malformed mark`);
  return { id, source, recordedAt, text, timexes, entities: [], links: [] };
}

/** The records of a marked suite file: comment (`#`) and blank lines skipped. */
export function parseMarkedFile(content: string): (GoldRecord & { source: string })[] {
  return content.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map(parseMarkedLine);
}
