import {
  ASSERTIONS, ENTITY_TYPES, LABEL_TO_TYPE, SUBJECTS, type Assertion, type EntityType, type Subject, codePointToUtf16,
} from '../../domain/index.js';
import { BadUserInputError } from '../../errors/index.js';

/** One gold mention, offsets converted to UTF-16 code units. `subject` is null where the file gives none. */
export interface GoldMention {
  start: number;
  end: number;
  type: EntityType;
  assertion: Assertion;
  subject: Subject | null;
}

export interface GoldRecord {
  id: string;
  text: string;
  mentions: GoldMention[];
}

const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);
const ASSERTION_SET: ReadonlySet<string> = new Set(ASSERTIONS);
const SUBJECT_SET: ReadonlySet<string> = new Set(SUBJECTS);

/** A CCKS label (`疾病和诊断`) or a platform type name (`DISEASE`) → the type; undefined for anything else. */
function toType(label: unknown): EntityType | undefined {
  if (typeof label !== 'string') return undefined;
  if (TYPES.has(label)) return label as EntityType;
  return LABEL_TO_TYPE[label];
}

/**
 * Parses one line of an assertion gold file:
 * `{"id":"a1","originalText":"无发热","entities":[{"start_pos":1,"end_pos":3,"label_type":"SYMPTOM","assertion":"ABSENT"}]}`
 * → `{ id: 'a1', text: '无发热', mentions: [{ start: 1, end: 3, type: 'SYMPTOM', assertion: 'ABSENT', subject: null }] }`.
 * Offsets are code points in the file (end exclusive). Throws BadUserInputError naming the line (1-based) and what
 * was expected; the message never quotes record text.
 */
export function parseGoldLine(line: string, lineNumber: number): GoldRecord {
  const fail = (what: string): never => {
    throw new BadUserInputError(`line ${lineNumber}: ${what}`, { line: lineNumber });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return fail('expected a JSON object, got text that does not parse as JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(`expected a JSON object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
  const r = raw as { id?: unknown; originalText?: unknown; entities?: unknown };
  if (typeof r.originalText !== 'string') return fail(`expected originalText to be a string, got ${typeof r.originalText}`);
  if (!Array.isArray(r.entities)) return fail(`expected entities to be an array, got ${typeof r.entities}`);
  const text = r.originalText;
  const at = codePointToUtf16(text);
  const points = at.length - 1;
  const mentions = r.entities.map((e: unknown, k): GoldMention => {
    const where = `entities[${k}]`;
    if (typeof e !== 'object' || e === null) return fail(`${where}: expected an object, got ${e === null ? 'null' : typeof e}`);
    const g = e as { start_pos?: unknown; end_pos?: unknown; label_type?: unknown; assertion?: unknown; subject?: unknown };
    const s = g.start_pos;
    const t = g.end_pos;
    if (!Number.isInteger(s) || !Number.isInteger(t) || !((s as number) >= 0 && (s as number) < (t as number) && (t as number) <= points)) {
      return fail(`${where}: expected integer 0 <= start_pos < end_pos <= ${points} (code points), got ${String(s)}, ${String(t)}`);
    }
    const type = toType(g.label_type);
    if (type === undefined) return fail(`${where}: expected label_type to be a CCKS label or one of ${ENTITY_TYPES.join(', ')}, got ${JSON.stringify(g.label_type)}`);
    if (typeof g.assertion !== 'string' || !ASSERTION_SET.has(g.assertion)) {
      return fail(`${where}: expected assertion one of ${ASSERTIONS.join(', ')}, got ${JSON.stringify(g.assertion)}`);
    }
    if (g.subject !== undefined && (typeof g.subject !== 'string' || !SUBJECT_SET.has(g.subject))) {
      return fail(`${where}: expected subject one of ${SUBJECTS.join(', ')} or absent, got ${JSON.stringify(g.subject)}`);
    }
    return {
      start: at[s as number] as number, end: at[t as number] as number, type,
      assertion: g.assertion as Assertion, subject: (g.subject as Subject | undefined) ?? null,
    };
  });
  return { id: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `line ${lineNumber}`, text, mentions };
}
