/**
 * The compiler: one statement per criteria tree, every value a `$parameter`, no user string in the text; and the
 * template filler it is built on.
 */
import { describe, expect, it } from 'vitest';
import { cohortTemplate, fillTemplate } from '../../src/cohort/cohort-cypher.js';
import { compileCohort, compileEvents, compilePatients, parseCriteria } from '../../src/cohort/index.js';

const HOSTILE_TEXT = "癌' OR 1=1 //";
const HOSTILE_CONCEPT = 'C50"}) DETACH DELETE root //';
const HOSTILE_ID = "P1'] MATCH (n) DETACH DELETE n //";

/** Every `$name` the statement uses. */
function used(statement: string): Set<string> {
  return new Set([...statement.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/gu)].map((m) => m[1]!));
}

const everyKind = {
  all: [
    { event: { type: 'DISEASE', text: HOSTILE_TEXT, concept: HOSTILE_CONCEPT, assertion: ['PRESENT', 'POSSIBLE'], subject: 'PATIENT', from: '2019-01-01', to: '2019-12-31' } },
    { sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY', text: '根治术' }, minDays: 3, maxDays: 30, certain: true } },
    { any: [{ event: { text: '化疗' } }, { not: { event: { concept: 'C34', subject: 'FAMILY' } } }] },
    { not: { event: { text: '转移', assertion: ['ABSENT'] } } },
  ],
};

describe('compileCohort', () => {
  it('puts every value in the parameters and none in the statement', () => {
    const { statement, parameters } = compileCohort(parseCriteria(everyKind), { after: HOSTILE_ID, first: 50 }, [HOSTILE_ID, 'P2']);
    for (const value of [HOSTILE_TEXT.toLowerCase(), HOSTILE_CONCEPT, HOSTILE_ID, 'P2', '2019-01-01', '2019-12-31', '根治术', '化疗', 'C34', '转移', 'C50', 'DISEASE', 'SURGERY', 'FAMILY', 'ABSENT']) {
      expect(statement, value).not.toContain(value);
    }
    expect(parameters).toMatchObject({
      c1_type: 'DISEASE', c1_text: HOSTILE_TEXT.toLowerCase(), c1_concept: HOSTILE_CONCEPT, c1_assertion: ['PRESENT', 'POSSIBLE'],
      c1_subject: 'PATIENT', c1_from: '2019-01-01', c1_to: '2019-12-31',
      c2_concept: 'C50', c2_conceptCodes: ['C50', 'c50'], c3_type: 'SURGERY', c3_text: '根治术', c4_minDays: 3, c4_maxDays: 30,
      after: HOSTILE_ID, limit: 51, patientIds: [HOSTILE_ID, 'P2'],
    });
    expect(Object.values(parameters)).toContain('化疗');
  });

  it('uses exactly the parameters it passes, each criterion under its own prefix', () => {
    for (const criteria of [everyKind, { event: { type: 'DRUG' } }, { not: { event: { text: 'x' } } }, { sequence: { first: { text: 'a' }, then: { text: 'b' } } }]) {
      for (const scope of [null, ['P1']]) {
        const { statement, parameters } = compileCohort(parseCriteria(criteria), { after: '', first: 10 }, scope);
        expect(used(statement), JSON.stringify(criteria)).toEqual(new Set(Object.keys(parameters)));
      }
    }
  });

  it('a scope restricts every mention and patient read; without one there is no $patientIds', () => {
    const scoped = compileCohort(parseCriteria({ not: { event: { text: 'x' } } }), { after: '', first: 10 }, ['P1']).statement;
    expect(scoped).toContain('m.patientId IN $patientIds');
    expect(scoped).toContain('p.id IN $patientIds');
    expect(compileCohort(parseCriteria({ not: { event: { text: 'x' } } }), { after: '', first: 10 }).statement).not.toContain('$patientIds');
  });

  it('structure follows the tree: not-not cancels, a lone member is itself, not outside all reads every patient', () => {
    const page = { after: '', first: 10 };
    const plain = compileCohort(parseCriteria({ event: { text: 'x' } }), page).statement;
    expect(compileCohort(parseCriteria({ not: { not: { event: { text: 'x' } } } }), page).statement).toBe(plain);
    expect(compileCohort(parseCriteria({ all: [{ any: [{ event: { text: 'x' } }] }] }), page).statement).toBe(plain);
    expect(plain).not.toContain('(p:Patient)');
    expect(compileCohort(parseCriteria({ not: { event: { text: 'x' } } }), page).statement).toContain('MATCH (p:Patient)');
    expect(compileCohort(parseCriteria({ all: [{ event: { text: 'a' } }, { not: { not: { event: { text: 'b' } } } }] }), page).statement)
      .toBe(compileCohort(parseCriteria({ all: [{ event: { text: 'a' } }, { event: { text: 'b' } }] }), page).statement);
    // "A and not B" subtracts B from A, never from every patient.
    expect(compileCohort(parseCriteria({ all: [{ event: { text: 'a' } }, { not: { event: { text: 'b' } } }] }), page).statement).not.toContain('(p:Patient)');
  });

  it('concept codes are tried as typed, upper- and lower-case (ICD codes are upper-case, drug codes lower-case)', () => {
    expect(compileCohort(parseCriteria({ event: { concept: 'Trastuzumab' } }), { after: '', first: 1 }).parameters['c1_conceptCodes'])
      .toEqual(['Trastuzumab', 'TRASTUZUMAB', 'trastuzumab']);
    expect(compileCohort(parseCriteria({ event: { concept: 'I10xx02' } }), { after: '', first: 1 }).parameters['c1_conceptCodes'])
      .toEqual(['I10xx02', 'I10XX02', 'i10xx02']);
  });

  it('the certain flag switches the sequence test; the window is always a parameter', () => {
    const seq = (certain: boolean) => compileCohort(parseCriteria({ sequence: { first: { text: 'a' }, then: { text: 'b' }, maxDays: 30, certain } }), { after: '', first: 1 }).statement;
    expect(seq(false)).toContain('t[0] - f[1] <= coalesce($c3_maxDays');
    expect(seq(true)).toContain('t[0] - f[1] >= $c3_minDays');
    expect(seq(true)).not.toContain('30');
  });
});

describe('compileEvents and compilePatients', () => {
  it('lists mentions of the event criteria outside a not, labelled with their paths, for the given patients only', () => {
    const compiled = compileEvents(parseCriteria(everyKind), ['P1'])!;
    expect(Object.entries(compiled.parameters).filter(([k]) => k.endsWith('_criterion')).map(([, v]) => v))
      .toEqual(['all[0].event', 'all[1].sequence.first', 'all[1].sequence.then', 'all[2].any[0].event']);
    expect(compiled.parameters['patientIds']).toEqual(['P1']);
    expect(used(compiled.statement)).toEqual(new Set(Object.keys(compiled.parameters)));
    expect(compileEvents(parseCriteria({ not: { event: { text: 'x' } } }), ['P1'])).toBeNull();
    expect(compileEvents(parseCriteria({ not: { not: { event: { text: 'x' } } } }), ['P1'])!.parameters['c1_criterion']).toBe('not.not.event');
  });

  it('patients: one page in id order after the cursor, one extra row for hasNextPage', () => {
    expect(compilePatients({ after: 'P9', first: 20 })).toEqual({ statement: expect.stringContaining('p.id > $after'), parameters: { after: 'P9', limit: 21 } });
  });
});

describe('fillTemplate', () => {
  it('keeps lines by flag, drops comments, prefixes parameters except the statement-wide ones', () => {
    const template = '// doc\nMATCH (m:Mention)\nWHERE m.type = $type //?type\n  AND m.x = $x //?!type\n  AND m.patientId IN $patientIds\nRETURN m LIMIT $limit';
    expect(fillTemplate(template, { prefix: 'c1_', flags: new Set(['type']) }))
      .toBe('MATCH (m:Mention)\nWHERE m.type = $c1_type\n  AND m.patientId IN $patientIds\nRETURN m LIMIT $limit');
    expect(fillTemplate('A //?a&!b\nB //?a&b', { flags: new Set(['a', 'b']) })).toBe('B');
  });

  it('fills slots indented like their line, without renaming their (already prefixed) parameters', () => {
    expect(fillTemplate('CALL () {\n  {{inner}}\n}\nRETURN $n', { prefix: 'c2_', slots: { inner: 'MATCH (x)\nWHERE x.a = $c1_a' } }))
      .toBe('CALL () {\n  MATCH (x)\n  WHERE x.a = $c1_a\n}\nRETURN $c2_n');
  });

  it('misuse: a missing slot value or an unknown template name', () => {
    expect(() => fillTemplate('{{members}}')).toThrow('template slot {{members}}: expected a value, got none');
    expect(() => cohortTemplate('cohort-drop' as never)).toThrow("expected a template name from COHORT_TEMPLATE_NAMES, got 'cohort-drop'");
  });
});
