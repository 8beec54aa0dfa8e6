/**
 * Validates a criteria tree (GraphQL input or a JSON file) at the boundary and returns the tree the compiler works
 * on: exactly one field per node, known enum values, existing dates, bounded text, a sane window, defaults applied
 * (assertion [PRESENT], subject PATIENT, minDays 0). Shape limits are checked while descending, so a hostile,
 * deeply nested input fails at `maxDepth + 1` levels without being walked further.
 *
 * Errors: `BAD_USER_INPUT` naming the path (`criteria.all[1].event.type: expected one of ..., got 'FOO'`);
 * `COHORT_TOO_COMPLEX` for depth or node count; `INVALID_DATE` for from/to.
 *
 * @example
 *   parseCriteria({ event: { type: 'SURGERY', text: ' 根治术 ' } })
 *   // { kind: 'event', event: { type: 'SURGERY', text: '根治术', concept: null, assertion: ['PRESENT'],
 *   //                           subject: 'PATIENT', from: null, to: null } }
 */
import {
  ASSERTIONS, ENTITY_TYPES, SUBJECTS, isValidCalendarDate, type Assertion, type EntityType, type Subject,
} from '../domain/index.js';
import { BadUserInputError, CohortTooComplexError, InvalidDateError } from '../errors/index.js';
import { normaliseSearchText } from '../graph/index.js';
import { DEFAULT_COHORT_LIMITS, MAX_WINDOW_DAYS, type CohortLimits } from './cohort.limits.js';
import type { CohortNode, EventFilter } from './criteria.types.js';

type Obj = Record<string, unknown>;
const NODE_FIELDS = ['event', 'sequence', 'all', 'any', 'not'] as const;
const EVENT_FIELDS = ['type', 'text', 'concept', 'assertion', 'subject', 'from', 'to'] as const;
const SEQUENCE_FIELDS = ['first', 'then', 'minDays', 'maxDays', 'certain'] as const;

export function parseCriteria(value: unknown, limits: Pick<CohortLimits, 'maxDepth' | 'maxNodes' | 'maxTextLength'> = DEFAULT_COHORT_LIMITS): CohortNode {
  const walk = { limits, nodes: 0 };
  return parseNode(value, 'criteria', 1, walk);
}

interface Walk {
  limits: Pick<CohortLimits, 'maxDepth' | 'maxNodes' | 'maxTextLength'>;
  nodes: number;
}

function parseNode(value: unknown, path: string, depth: number, walk: Walk): CohortNode {
  if (depth > walk.limits.maxDepth) throw new CohortTooComplexError('depth', walk.limits.maxDepth, depth);
  count(walk, 1);
  const node = object(value, path, NODE_FIELDS);
  const set = NODE_FIELDS.filter((f) => node[f] != null);
  if (set.length !== 1) {
    throw bad(path, `expected exactly one of ${NODE_FIELDS.join(', ')}, got ${set.length === 0 ? 'none' : set.join(', ')}`);
  }
  const field = set[0]!;
  const inner = `${path}.${field}`;
  switch (field) {
    case 'event':
      count(walk, 0);
      return { kind: 'event', event: parseEvent(node.event, inner, walk) };
    case 'sequence':
      count(walk, 2);
      return parseSequence(node.sequence, inner, walk);
    case 'not':
      return { kind: 'not', member: parseNode(node.not, inner, depth + 1, walk) };
    case 'all':
    case 'any': {
      const list = node[field];
      if (!Array.isArray(list) || list.length === 0) throw bad(inner, `expected a non-empty list of criteria, got ${describe(list)}`);
      return { kind: field, members: list.map((m, i) => parseNode(m, `${inner}[${i}]`, depth + 1, walk)) };
    }
  }
}

function parseSequence(value: unknown, path: string, walk: Walk): CohortNode {
  const s = object(value, path, SEQUENCE_FIELDS);
  const minDays = s['minDays'] == null ? 0 : days(s['minDays'], `${path}.minDays`);
  const maxDays = s['maxDays'] == null ? null : days(s['maxDays'], `${path}.maxDays`);
  if (maxDays !== null && minDays > maxDays) throw bad(path, `expected minDays <= maxDays, got ${minDays} > ${maxDays}`);
  if (s['certain'] != null && typeof s['certain'] !== 'boolean') throw bad(`${path}.certain`, `expected a boolean, got ${describe(s['certain'])}`);
  return {
    kind: 'sequence',
    first: parseEvent(s['first'], `${path}.first`, walk),
    then: parseEvent(s['then'], `${path}.then`, walk),
    minDays,
    maxDays,
    certain: s['certain'] === true,
  };
}

function parseEvent(value: unknown, path: string, walk: Walk): EventFilter {
  const e = object(value, path, EVENT_FIELDS);
  const text = optionalText(e['text'], `${path}.text`, walk.limits.maxTextLength);
  const event: EventFilter = {
    type: e['type'] == null ? null : oneOf(e['type'], ENTITY_TYPES, `${path}.type`),
    // The same normal form as `Mention.textLower` (src/graph: NFKC, lower-cased), so CONTAINS compares like with like.
    text: text === null ? null : normaliseSearchText(text),
    concept: optionalText(e['concept'], `${path}.concept`, walk.limits.maxTextLength),
    assertion: e['assertion'] == null ? ['PRESENT'] : assertions(e['assertion'], `${path}.assertion`),
    subject: e['subject'] == null ? 'PATIENT' : oneOf<Subject>(e['subject'], SUBJECTS, `${path}.subject`),
    from: e['from'] == null ? null : date(e['from'], `${path}.from`),
    to: e['to'] == null ? null : date(e['to'], `${path}.to`),
  };
  if (event.type === null && event.text === null && event.concept === null) {
    // Without one of them the criterion reads every mention of every patient.
    throw bad(path, 'expected at least one of type, text, concept, got none');
  }
  if (event.from !== null && event.to !== null && event.from > event.to) {
    throw bad(path, `expected from <= to, got ${event.from} > ${event.to}`);
  }
  return event;
}

/**
 * The optional patient scope of a cohort query (`cohort(patientIds: …)`, a study's enrolment list): distinct,
 * non-empty ids, at most `maxPatientIds`; null when not given. An empty list is an error, not "everyone".
 *
 * @example
 *   parsePatientScope(['P001', 'P002', 'P001'])   // ['P001', 'P002']
 *   parsePatientScope(null)                        // null
 */
export function parsePatientScope(value: unknown, limits: Pick<CohortLimits, 'maxPatientIds'> = DEFAULT_COHORT_LIMITS): string[] | null {
  if (value == null) return null;
  if (!Array.isArray(value) || value.length === 0) throw bad('patientIds', `expected a non-empty list of patient ids, got ${describe(value)}`);
  if (value.length > limits.maxPatientIds) throw bad('patientIds', `expected at most ${limits.maxPatientIds} ids, got ${value.length}`);
  value.forEach((id, i) => {
    if (typeof id !== 'string' || id.trim() === '') throw bad(`patientIds[${i}]`, `expected a non-empty string, got ${describe(id)}`);
  });
  return [...new Set(value as string[])];
}

function count(walk: Walk, nodes: number): void {
  walk.nodes += nodes;
  if (walk.nodes > walk.limits.maxNodes) throw new CohortTooComplexError('nodes', walk.limits.maxNodes, walk.nodes);
}

function object(value: unknown, path: string, fields: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(path, `expected an object, got ${describe(value)}`);
  const unknown = Object.keys(value).filter((k) => !fields.includes(k) && (value as Obj)[k] !== undefined);
  if (unknown.length > 0) throw bad(path, `expected only fields ${fields.join(', ')}, got ${unknown.map((k) => `'${k.slice(0, 40)}'`).join(', ')}`);
  return value as Obj;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw bad(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}`);
}

function assertions(value: unknown, path: string): Assertion[] {
  if (!Array.isArray(value) || value.length === 0) throw bad(path, `expected a non-empty list of ${ASSERTIONS.join(', ')}, got ${describe(value)}`);
  return [...new Set(value.map((v, i) => oneOf<Assertion>(v, ASSERTIONS, `${path}[${i}]`)))];
}

function optionalText(value: unknown, path: string, max: number): string | null {
  if (value == null) return null;
  if (typeof value !== 'string') throw bad(path, `expected a string, got ${describe(value)}`);
  const trimmed = value.trim();
  if (trimmed === '') throw bad(path, 'expected a non-empty string, got only whitespace');
  const length = [...trimmed].length;
  if (length > max) throw bad(path, `expected at most ${max} characters, got ${length}`);
  return trimmed;
}

function days(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_WINDOW_DAYS) return value;
  throw bad(path, `expected an integer between -${MAX_WINDOW_DAYS} and ${MAX_WINDOW_DAYS}, got ${describe(value)}`);
}

function date(value: unknown, path: string): string {
  if (isValidCalendarDate(value)) return value;
  throw new InvalidDateError(String(value), `${path} must be an existing day`);
}

function bad(path: string, message: string): BadUserInputError {
  return new BadUserInputError(`${path}: ${message}`, { field: path });
}

/** A short, safe description of a bad value (never echoes long strings: criteria text may quote a record). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return value.length <= 40 ? `'${value}'` : `a string of ${value.length} characters`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
