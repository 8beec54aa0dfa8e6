/**
 * Cohort queries on a real Neo4j over hand-made patients written through the real write path (see
 * helpers/cohort-fixture.ts for who is who). Queries are scoped to the fixture's patients (`patientIds`): the test
 * database is shared, so only the scope makes counts exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortRunner, type CohortFindArgs } from '../../src/cohort/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { writeCohortFixture, type CohortFixture } from './helpers/cohort-fixture.js';
import { writePatient } from './helpers/cohort-patients.js';

let driver: GraphDriver;
let cohorts: CohortRunner;
let f: CohortFixture;

beforeAll(async () => {
  driver = await testDriver();
  cohorts = new CohortRunner(driver);
  f = await writeCohortFixture(driver);
}, 120_000);
afterAll(async () => {
  await driver?.close();
});

/** The matching fixture patients, every page read. */
async function who(criteria: unknown, args: Partial<CohortFindArgs> = {}): Promise<string[]> {
  const page = await cohorts.find(criteria, { first: 100, patientIds: f.all, ...args });
  expect(page.count).toBe(page.patientIds.length);
  return page.patientIds;
}

const C50 = { concept: 'C50' };
const SURGERY = { type: 'SURGERY' } as const;

describe('event criterion', () => {
  it('matches a patient when one mention matches every field; ABSENT and FAMILY mentions only when asked for', async () => {
    expect(await who({ event: { type: 'DISEASE', text: '乳腺癌' } })).toEqual(f.ids('ABEFHI'));
    expect(await who({ event: { text: '乳腺癌', assertion: ['ABSENT'] } })).toEqual(f.ids('C'));
    expect(await who({ event: { text: '乳腺癌', subject: 'FAMILY' } })).toEqual(f.ids('D'));
    expect(await who({ event: { text: '乳腺癌', assertion: ['PRESENT', 'ABSENT'] } })).toEqual(f.ids('ABCEFHI'));
    expect(await who({ event: { type: 'SURGERY', text: '乳腺癌' } })).toEqual([]);
  });

  it('text: contained, after NFKC and lower-casing on both sides (ＣＴ, Ct and ct are one)', async () => {
    for (const text of ['ct', 'ＣＴ', 'Ct', ' 部ct ']) expect(await who({ event: { text } }), text).toEqual(f.ids('G'));
    expect(await who({ event: { type: 'IMAGING', text: 'mri' } })).toEqual([]);
  });

  it('concept: a code matches every descendant through IS_A; also an id, a standard name, any case', async () => {
    const breast = f.ids('ABEFHI');
    for (const concept of ['C50', 'c50', 'C50.9', 'C50.902', 'ICD10:C50', '乳房恶性肿瘤', '乳腺恶性肿瘤']) {
      expect(await who({ event: { concept } }), concept).toEqual(breast);
    }
    // Not a string prefix: C5 is no code, so it names nothing.
    expect(await who({ event: { concept: 'C5' } })).toEqual([]);
    expect(await who({ event: { concept: 'C00-D48' } })).toEqual(breast);
    expect(await who({ event: { concept: 'C00-D48', assertion: ['PRESENT', 'POSSIBLE'] } })).toEqual(f.ids('ABEFGHI'));
    expect(await who({ event: { concept: 'C34', assertion: ['POSSIBLE'] } })).toEqual(f.ids('G'));
    expect(await who({ event: { concept: '85.43' } })).toEqual(f.ids('ABEFH'));
  });

  it('from/to: the mention interval overlaps [from, to]; undated mentions are at their record date', async () => {
    expect(await who({ event: { ...SURGERY, from: '2019-11-01', to: '2019-12-31' } })).toEqual(f.ids('B'));
    // F's diagnosis is the whole of March 2019.
    expect(await who({ event: { ...C50, from: '2019-03-20', to: '2019-03-25' } })).toEqual(f.ids('F'));
    expect(await who({ event: { ...C50, from: '2019-03-31' } })).toEqual(f.ids('FHI'));
    expect(await who({ event: { ...C50, to: '2019-03-01' } })).toEqual(f.ids('ABF'));
    expect(await who({ event: { text: '乳腺癌', assertion: ['ABSENT'], from: '2019-05-01', to: '2019-05-01' } })).toEqual(f.ids('C'));
  });
});

describe('sequence criterion', () => {
  const seq = (extra: Record<string, unknown>) => ({ sequence: { first: C50, then: SURGERY, ...extra } });

  it('then starts minDays..maxDays after first starts (window 0–30)', async () => {
    // A: 14 days. F: 20..50 days, so it CAN hold. H: undated diagnosis at its record date, 9 days. B: 259. E: −14.
    expect(await who(seq({ minDays: 0, maxDays: 30 }))).toEqual(f.ids('AFH'));
    expect(await who(seq({ maxDays: 30 }))).toEqual(f.ids('AFH'));
  });

  it('certain: the window must hold for every day of both intervals', async () => {
    expect(await who(seq({ maxDays: 30, certain: true }))).toEqual(f.ids('AH'));
    expect(await who(seq({ minDays: 20, maxDays: 50, certain: true }))).toEqual(f.ids('F'));
    expect(await who(seq({ minDays: 21, maxDays: 50, certain: true }))).toEqual([]);
    expect(await who(seq({ minDays: 21, maxDays: 50 }))).toEqual(f.ids('F'));
  });

  it('open and negative windows; exact bounds are inclusive', async () => {
    expect(await who(seq({}))).toEqual(f.ids('ABFH'));
    expect(await who(seq({ minDays: 100 }))).toEqual(f.ids('B'));
    expect(await who(seq({ minDays: -30, maxDays: -1 }))).toEqual(f.ids('E'));
    expect(await who(seq({ minDays: 14, maxDays: 14 }))).toEqual(f.ids('A'));
    expect(await who(seq({ minDays: 259, maxDays: 259 }))).toEqual(f.ids('B'));
    // F's 20..50 days: a window ending at 20 still meets it, one ending at 19 does not.
    expect(await who(seq({ minDays: 15, maxDays: 20 }))).toEqual(f.ids('F'));
    expect(await who(seq({ minDays: 15, maxDays: 19 }))).toEqual([]);
  });

  it('pairs two different mentions, never one with itself', async () => {
    expect(await who({ sequence: { first: C50, then: C50, minDays: 0 } })).toEqual(f.ids('I'));
    expect(await who({ sequence: { first: C50, then: C50, minDays: 31, maxDays: 31 } })).toEqual(f.ids('I'));
    expect(await who({ sequence: { first: C50, then: C50, minDays: 0, maxDays: 0 } })).toEqual([]);
  });
});

describe('all / any / not', () => {
  it('all, any, not, and their nesting', async () => {
    const within30 = { sequence: { first: C50, then: SURGERY, maxDays: 30 } };
    expect(await who({ all: [{ event: C50 }, { not: within30 }] })).toEqual(f.ids('BEI'));
    expect(await who({ any: [{ event: { ...C50, assertion: ['ABSENT'] } }, { event: { ...C50, subject: 'FAMILY' } }] })).toEqual(f.ids('CD'));
    expect(await who({ not: { event: C50 } })).toEqual(f.ids('CDG'));
    expect(await who({ not: { not: { event: C50 } } })).toEqual(f.ids('ABEFHI'));
    expect(await who({ all: [{ not: { event: C50 } }, { not: { event: { text: 'ct' } } }] })).toEqual(f.ids('CD'));
    expect(await who({ all: [{ event: C50 }, { event: SURGERY }, { event: { ...C50, to: '2019-03-01' } }] })).toEqual(f.ids('ABF'));
    expect(await who({ any: [within30, { all: [{ event: { text: 'ct' } }, { not: { event: C50 } }] }] })).toEqual(f.ids('AFGH'));
    expect(await who({ any: [{ not: { event: C50 } }, { event: { ...C50, to: '2019-03-01' } }] })).toEqual(f.ids('ABCDFG'));
    expect(await who({ all: [{ event: C50 }] })).toEqual(f.ids('ABEFHI'));
    expect(await who({ all: [{ event: SURGERY }, { not: { not: { event: { ...C50, to: '2019-03-01' } } } }] })).toEqual(f.ids('ABF'));
  });
});

describe('counting and paging', () => {
  it('count is exact; pages come in id order, each cursor continuing where the last page ended', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await cohorts.find({ event: C50 }, { first: 2, after, patientIds: f.all });
      expect(page.count).toBe(6);
      seen.push(...page.patientIds);
      expect(page.hasNextPage).toBe(seen.length < 6);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(f.ids('ABEFHI'));
  });

  it('an empty cohort: count 0, no cursor', async () => {
    expect(await cohorts.find({ event: { text: uniqueId('nobody') } }, { first: 5 })).toMatchObject({ count: 0, patientIds: [], endCursor: null, hasNextPage: false });
  });

  it('without patientIds it runs over the whole graph', async () => {
    const marker = uniqueId('标记');
    const patient = uniqueId('cohort-unscoped');
    await writePatient(driver, patient, [{ recordedAt: '2020-01-01', mentions: [{ type: 'SYMPTOM', text: `肿物${marker}` }] }]);
    expect(await cohorts.find({ event: { text: marker.toUpperCase() } }, { first: 5 })).toMatchObject({ count: 1, patientIds: [patient] });
    // `not` without a scope is every patient of the graph minus the matches, the fixture's patients among them.
    const everyoneElse = await cohorts.find({ all: [{ not: { event: { text: marker } } }] }, { first: 500 });
    expect(everyoneElse.count).toBeGreaterThanOrEqual(f.all.length);
  });

  it('patients(): every patient in id order, a page at a time', async () => {
    const first = await cohorts.patients({ first: 3 });
    expect(first.patientIds).toEqual([...first.patientIds].sort());
    if (first.hasNextPage) {
      const next = await cohorts.patients({ first: 3, after: first.endCursor });
      expect(next.patientIds[0]! > first.patientIds.at(-1)!).toBe(true);
    }
  });

  it('explain: the statement and the parameters that ran', async () => {
    const page = await cohorts.find({ event: { concept: 'C50', text: '乳腺癌' } }, { first: 2, explain: true, patientIds: f.all });
    expect(page.explain?.statement).toContain('$c1_concept');
    expect(page.explain?.parameters).toMatchObject({ c1_concept: 'C50', c1_text: '乳腺癌', patientIds: f.all, limit: 3, after: '' });
    expect((await cohorts.find({ event: C50 }, { first: 2 })).explain).toBeNull();
  });
});

describe('events (exports)', () => {
  it('the matching mentions of the given patients, with dates, spans and the criteria they match', async () => {
    const events = await cohorts.events({ sequence: { first: C50, then: SURGERY, maxDays: 30 } }, [f.id.A, f.id.C]);
    expect(events.map((e) => [e.patientId, e.type, e.text, e.timeStart, e.criteria])).toEqual([
      [f.id.A, 'DISEASE', '左乳腺癌', '2019-03-01', ['sequence.first']],
      [f.id.A, 'SURGERY', '左乳癌改良根治术', '2019-03-15', ['sequence.then']],
    ]);
    expect(events[0]).toMatchObject({ recordId: `${f.id.A}-R1`, recordedAt: '2019-03-01', start: 10, end: 14, undated: false, conceptCode: 'C50.902', assertion: 'PRESENT', subject: 'PATIENT' });
    expect(await cohorts.events({ not: { event: C50 } }, [f.id.C])).toEqual([]);
    expect(await cohorts.events({ event: C50 }, [])).toEqual([]);
  });
});
