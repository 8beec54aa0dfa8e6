/** parseCriteria and parsePatientScope: defaults, normalisation, and every validation error with its exact message. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_LIMITS, parseCriteria, parsePatientScope } from '../../src/cohort/index.js';
import { MAX_WINDOW_DAYS } from '../../src/cohort/cohort.limits.js';
import { ENTITY_TYPES } from '../../src/domain/entity.js';
import { isOncoError } from '../../src/errors/index.js';

function failure(run: () => unknown): { code: string; message: string; details: Readonly<Record<string, unknown>> } {
  try {
    run();
  } catch (error) {
    if (isOncoError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected an error, got none');
}

const bad = (criteria: unknown) => failure(() => parseCriteria(criteria));

describe('parseCriteria: the validated tree', () => {
  it('applies the defaults: assertion [PRESENT], subject PATIENT, minDays 0, maxDays open, certain false', () => {
    expect(parseCriteria({ event: { type: 'SURGERY' } })).toEqual({
      kind: 'event', event: { type: 'SURGERY', text: null, concept: null, assertion: ['PRESENT'], subject: 'PATIENT', from: null, to: null },
    });
    expect(parseCriteria({ sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY' } } })).toMatchObject({
      kind: 'sequence', minDays: 0, maxDays: null, certain: false, first: { concept: 'C50' }, then: { type: 'SURGERY' },
    });
  });

  it('normalises text like the stored Mention.textLower (trimmed, NFKC, lower-cased); concept only trimmed', () => {
    expect(parseCriteria({ event: { text: ' 胸部ＣＴ ', concept: ' C50 ' } })).toMatchObject({ event: { text: '胸部ct', concept: 'C50' } });
  });

  it('keeps explicit values, de-duplicates assertions, treats null like absent', () => {
    expect(parseCriteria({
      event: { text: '癌', assertion: ['ABSENT', 'POSSIBLE', 'ABSENT'], subject: 'FAMILY', from: '2019-01-01', to: '2019-12-31', type: null },
    })).toMatchObject({ event: { type: null, assertion: ['ABSENT', 'POSSIBLE'], subject: 'FAMILY', from: '2019-01-01', to: '2019-12-31' } });
    expect(parseCriteria({ event: { text: '癌' }, sequence: null, all: undefined })).toMatchObject({ kind: 'event' });
  });

  it('builds all / any / not and sequences with windows', () => {
    expect(parseCriteria({
      all: [{ any: [{ event: { text: 'a' } }, { not: { event: { text: 'b' } } }] }, { sequence: { first: { text: 'c' }, then: { text: 'd' }, minDays: -7, maxDays: 30, certain: true } }],
    })).toMatchObject({
      kind: 'all',
      members: [
        { kind: 'any', members: [{ kind: 'event' }, { kind: 'not', member: { kind: 'event' } }] },
        { kind: 'sequence', minDays: -7, maxDays: 30, certain: true },
      ],
    });
  });
});

describe('parseCriteria: BAD_USER_INPUT, naming the path', () => {
  it.each([
    [null, 'criteria: expected an object, got null'],
    [[], 'criteria: expected an object, got a list of 0'],
    ['event', "criteria: expected an object, got 'event'"],
    [{}, 'criteria: expected exactly one of event, sequence, all, any, not, got none'],
    [{ event: { text: 'a' }, not: { event: { text: 'b' } } }, 'criteria: expected exactly one of event, sequence, all, any, not, got event, not'],
    [{ events: {} }, "criteria: expected only fields event, sequence, all, any, not, got 'events'"],
    [{ all: [] }, 'criteria.all: expected a non-empty list of criteria, got a list of 0'],
    [{ any: { event: {} } }, 'criteria.any: expected a non-empty list of criteria, got an object'],
    [{ all: [{ event: { text: 'a' } }, 3] }, 'criteria.all[1]: expected an object, got number 3'],
    [{ not: {} }, 'criteria.not: expected exactly one of event, sequence, all, any, not, got none'],
    [{ event: {} }, 'criteria.event: expected at least one of type, text, concept, got none'],
    [{ event: { assertion: ['ABSENT'] } }, 'criteria.event: expected at least one of type, text, concept, got none'],
    [{ event: { type: 'TUMOUR' } }, `criteria.event.type: expected one of ${ENTITY_TYPES.join(', ')}, got 'TUMOUR'`],
    [{ event: { text: 5 } }, 'criteria.event.text: expected a string, got number 5'],
    [{ event: { text: ' \t' } }, 'criteria.event.text: expected a non-empty string, got only whitespace'],
    [{ event: { text: '癌'.repeat(101) } }, 'criteria.event.text: expected at most 100 characters, got 101'],
    [{ event: { concept: ['C50'] } }, 'criteria.event.concept: expected a string, got a list of 1'],
    [{ event: { text: 'a', assertion: [] } }, 'criteria.event.assertion: expected a non-empty list of PRESENT, ABSENT, POSSIBLE, got a list of 0'],
    [{ event: { text: 'a', assertion: 'PRESENT' } }, "criteria.event.assertion: expected a non-empty list of PRESENT, ABSENT, POSSIBLE, got 'PRESENT'"],
    [{ event: { text: 'a', assertion: ['PRESENT', 'NEGATED'] } }, "criteria.event.assertion[1]: expected one of PRESENT, ABSENT, POSSIBLE, got 'NEGATED'"],
    [{ event: { text: 'a', subject: 'MOTHER' } }, "criteria.event.subject: expected one of PATIENT, FAMILY, OTHER, got 'MOTHER'"],
    [{ event: { text: 'a', from: '2019-12-31', to: '2019-01-01' } }, 'criteria.event: expected from <= to, got 2019-12-31 > 2019-01-01'],
    [{ event: { text: 'a', colour: 'red' } }, "criteria.event: expected only fields type, text, concept, assertion, subject, from, to, got 'colour'"],
    [{ sequence: { first: { text: 'a' } } }, 'criteria.sequence.then: expected an object, got nothing'],
    [{ sequence: { first: { text: 'a' }, then: {} } }, 'criteria.sequence.then: expected at least one of type, text, concept, got none'],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, minDays: 1.5 } }, `criteria.sequence.minDays: expected an integer between -${MAX_WINDOW_DAYS} and ${MAX_WINDOW_DAYS}, got number 1.5`],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, maxDays: 40_000 } }, `criteria.sequence.maxDays: expected an integer between -${MAX_WINDOW_DAYS} and ${MAX_WINDOW_DAYS}, got number 40000`],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, maxDays: '30' } }, `criteria.sequence.maxDays: expected an integer between -${MAX_WINDOW_DAYS} and ${MAX_WINDOW_DAYS}, got '30'`],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, minDays: 31, maxDays: 30 } }, 'criteria.sequence: expected minDays <= maxDays, got 31 > 30'],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, certain: 'yes' } }, "criteria.sequence.certain: expected a boolean, got 'yes'"],
    [{ sequence: { first: { text: 'a' }, then: { text: 'b' }, window: 3 } }, "criteria.sequence: expected only fields first, then, minDays, maxDays, certain, got 'window'"],
  ])('%j', (criteria, message) => {
    expect(bad(criteria)).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });

  it('never echoes a long value back (criteria may quote a record)', () => {
    const long = '患者'.repeat(50);
    expect(bad({ event: { type: long } }).message).toBe(`criteria.event.type: expected one of ${ENTITY_TYPES.join(', ')}, got a string of 100 characters`);
    expect(bad({ event: { text: long + long } }).message).not.toContain('患者');
  });

  it('from/to that are not existing days: INVALID_DATE', () => {
    expect(bad({ event: { text: 'a', from: '2019-02-29' } })).toMatchObject({
      code: 'INVALID_DATE', message: 'expected a calendar date YYYY-MM-DD, got "2019-02-29": criteria.event.from must be an existing day',
    });
    expect(bad({ event: { text: 'a', to: '2019-3-1' } })).toMatchObject({ code: 'INVALID_DATE' });
    expect(bad({ event: { text: 'a', to: 20190301 } })).toMatchObject({ code: 'INVALID_DATE' });
  });
});

describe('parseCriteria: limits → COHORT_TOO_COMPLEX', () => {
  const nest = (depth: number): unknown => (depth <= 1 ? { event: { text: 'a' } } : { not: nest(depth - 1) });

  it(`depth: at most ${DEFAULT_COHORT_LIMITS.maxDepth} levels of nesting`, () => {
    expect(parseCriteria(nest(6))).toBeDefined();
    expect(bad(nest(7))).toMatchObject({
      code: 'COHORT_TOO_COMPLEX', message: 'criteria nesting depth: expected at most 6, got 7 or more', details: { what: 'depth', limit: 6, got: 7 },
    });
    expect(bad({ all: [{ any: [{ all: [{ any: [{ all: [{ not: { event: { text: 'a' } } }] }] }] }] }] })).toMatchObject({ code: 'COHORT_TOO_COMPLEX' });
  });

  it('a hostile depth fails at the limit without being walked (no stack overflow)', () => {
    let deep: unknown = { event: { text: 'a' } };
    for (let i = 0; i < 100_000; i++) deep = { any: [deep] };
    expect(bad(deep)).toMatchObject({ code: 'COHORT_TOO_COMPLEX', details: { what: 'depth', got: 7 } });
  });

  it(`nodes: at most ${DEFAULT_COHORT_LIMITS.maxNodes}, an event counting 1 and a sequence 3`, () => {
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ event: { text: `t${i}` } }));
    expect(parseCriteria({ any: events(39) })).toBeDefined();
    expect(bad({ any: events(40) })).toMatchObject({ code: 'COHORT_TOO_COMPLEX', message: 'criteria nodes: expected at most 40, got 41', details: { what: 'nodes', limit: 40, got: 41 } });
    const sequence = { sequence: { first: { text: 'a' }, then: { text: 'b' } } };
    expect(parseCriteria({ any: Array(13).fill(sequence) })).toBeDefined();
    expect(bad({ any: Array(14).fill(sequence) })).toMatchObject({ code: 'COHORT_TOO_COMPLEX', details: { what: 'nodes' } });
    expect(bad({ any: Array(1_000_000).fill({ event: { text: 'a' } }) })).toMatchObject({ code: 'COHORT_TOO_COMPLEX', details: { got: 41 } });
  });

  it('custom limits', () => {
    const limits = { ...DEFAULT_COHORT_LIMITS, maxDepth: 2, maxNodes: 3, maxTextLength: 2 };
    expect(failure(() => parseCriteria({ not: { not: { event: { text: 'a' } } } }, limits))).toMatchObject({ code: 'COHORT_TOO_COMPLEX', details: { what: 'depth' } });
    expect(failure(() => parseCriteria({ event: { text: 'abc' } }, limits))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('parsePatientScope', () => {
  it('absent → null (every patient); ids de-duplicated in order', () => {
    expect(parsePatientScope(undefined)).toBeNull();
    expect(parsePatientScope(null)).toBeNull();
    expect(parsePatientScope(['P2', 'P1', 'P2'])).toEqual(['P2', 'P1']);
  });

  it.each([
    [[], 'patientIds: expected a non-empty list of patient ids, got a list of 0'],
    ['P1', "patientIds: expected a non-empty list of patient ids, got 'P1'"],
    [['P1', ' '], "patientIds[1]: expected a non-empty string, got ' '"],
    [['P1', 7], 'patientIds[1]: expected a non-empty string, got number 7'],
  ])('%j → BAD_USER_INPUT', (value, message) => {
    expect(failure(() => parsePatientScope(value))).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });

  it(`at most ${DEFAULT_COHORT_LIMITS.maxPatientIds} ids`, () => {
    const ids = Array.from({ length: DEFAULT_COHORT_LIMITS.maxPatientIds + 1 }, (_, i) => `P${i}`);
    expect(failure(() => parsePatientScope(ids))).toMatchObject({ code: 'BAD_USER_INPUT', message: 'patientIds: expected at most 10000 ids, got 10001' });
    expect(parsePatientScope(ids.slice(1))).toHaveLength(10_000);
  });
});
