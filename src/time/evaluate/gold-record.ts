import { LABEL_TO_TYPE, type EntityMention, codePointToUtf16, type TimeLink, type Timex } from '../../domain/index.js';

/** One record of the time-gold format (guideline §3), offsets converted to UTF-16 code units. */
export interface GoldRecord {
  id: string;
  text: string;
  /** The record's reference date, where the file gives one (the marked suite does; time-gold does not). */
  recordedAt?: string;
  timexes: Timex[];
  entities: EntityMention[];
  links: TimeLink[];
}

interface RawTimex {
  id: string; start: number; end: number; text: string; kind: Timex['kind']; value: string; anchor?: string; approx: boolean;
}
interface RawLink {
  start: number; end: number; label_type: string; text: string; timex: string | null;
}

/** Parses one JSON line; throws with the record id when a field is missing. */
export function parseGoldLine(line: string): GoldRecord {
  const raw = JSON.parse(line) as { id?: string; originalText?: string; timex?: RawTimex[]; links?: RawLink[] };
  if (typeof raw.originalText !== 'string' || !Array.isArray(raw.timex) || !Array.isArray(raw.links)) {
    throw new Error(`expected originalText, timex[] and links[] in record ${raw.id ?? '?'}`);
  }
  const text = raw.originalText;
  const at = codePointToUtf16(text);
  const u = (n: number): number => at[n] ?? n;
  const timexes = raw.timex.map((t): Timex => {
    const out: Timex = { id: t.id, start: u(t.start), end: u(t.end), text: t.text, kind: t.kind, value: t.value, approx: t.approx };
    if (t.anchor !== undefined) out.anchor = t.anchor;
    return out;
  });
  const entities = raw.links.map((l): EntityMention => ({
    start: u(l.start), end: u(l.end), text: l.text, label: l.label_type, type: LABEL_TO_TYPE[l.label_type] ?? 'DISEASE', confidence: 1,
  }));
  const links = raw.links.map((l): TimeLink => ({ entityStart: u(l.start), entityEnd: u(l.end), timexId: l.timex }));
  return { id: raw.id ?? '?', text, timexes, entities, links };
}
