/**
 * `cohort` and `patients` over HTTP: the real schema and resolvers in process, the real CohortRunner and reads on the
 * test Neo4j (the fixture of helpers/cohort-fixture.ts, scoped by `patientIds`), other services stubbed.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortRunner } from '../../src/cohort/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/index.js';
import { startStubServer, type StubServer } from '../api/helpers/stub-server.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { writeCohortFixture, type CohortFixture } from './helpers/cohort-fixture.js';
import { writePatient } from './helpers/cohort-patients.js';

let driver: GraphDriver;
let api: StubServer;
let slowApi: StubServer;
let f: CohortFixture;
const slowMarker = uniqueId('慢');
const slowPatient = uniqueId('cohort-api-slow');

const COHORT = `query ($criteria: CohortCriteria!, $first: Int, $after: String, $explain: Boolean, $patientIds: [ID!]) {
  cohort(criteria: $criteria, first: $first, after: $after, explain: $explain, patientIds: $patientIds) {
    count
    patients { nodes { id recordCount } pageInfo { endCursor hasNextPage } }
    explain { statement parameters }
  }
}`;

beforeAll(async () => {
  driver = await testDriver();
  f = await writeCohortFixture(driver);
  await writePatient(driver, slowPatient, [{
    recordedAt: '2020-01-01',
    mentions: Array.from({ length: 2500 }, (_, i) => ({ type: 'SYMPTOM' as const, text: `${slowMarker}${i}`, at: ['2020-01-01'] as const })),
  }]);
  const reads = new ReadRepository(driver);
  api = await startStubServer({ services: { cohort: new CohortRunner(driver), reads } });
  slowApi = await startStubServer({ services: { cohort: new CohortRunner(driver, { timeoutMs: 300 }), reads } });
}, 180_000);
afterAll(async () => {
  await api?.close();
  await slowApi?.close();
  await driver?.close();
});

async function cohort(variables: Record<string, unknown>, server: StubServer = api) {
  const res = await server.post({ query: COHORT, variables: { patientIds: f.all, ...variables } });
  // Apollo answers 400 when variables do not coerce (an unknown enum value, an impossible CalendarDate), else 200.
  expect([200, 400]).toContain(res.status);
  return res.body as { data: { cohort: any } | null; errors?: { message: string; extensions: { code: string } & Record<string, unknown> }[] };
}

describe('cohort', () => {
  it('answers count, a page of patients (with their fields) and pageInfo; explain is null unless asked', async () => {
    const { data, errors } = await cohort({ criteria: { event: { concept: 'C50' } }, first: 4 });
    expect(errors).toBeUndefined();
    expect(data!.cohort.count).toBe(6);
    expect(data!.cohort.patients.nodes).toEqual(f.ids('ABEF').map((id) => ({ id, recordCount: expect.any(Number) })));
    expect(data!.cohort.patients.pageInfo.hasNextPage).toBe(true);
    expect(data!.cohort.explain).toBeNull();
    const next = await cohort({ criteria: { event: { concept: 'C50' } }, first: 4, after: data!.cohort.patients.pageInfo.endCursor });
    expect(next.data!.cohort.patients.nodes.map((n: { id: string }) => n.id)).toEqual(f.ids('HI'));
    expect(next.data!.cohort.patients.pageInfo).toEqual({ endCursor: expect.any(String), hasNextPage: false });
  });

  it('takes GraphQL enums and every criterion kind', async () => {
    const criteria = {
      all: [
        { sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY' }, minDays: 0, maxDays: 30 } },
        { not: { event: { type: 'DISEASE', text: '乳腺癌', subject: 'FAMILY' } } },
        { any: [{ event: { concept: 'C50', assertion: ['PRESENT', 'POSSIBLE'], from: '2019-01-01', to: '2019-12-31' } }] },
      ],
    };
    const { data } = await cohort({ criteria });
    expect(data!.cohort.patients.nodes.map((n: { id: string }) => n.id)).toEqual(f.ids('AFH'));
  });

  it('explain: the statement and its parameters as JSON, with no user string in the statement', async () => {
    const text = "乳腺癌' RETURN 1 //";
    const { data } = await cohort({ criteria: { event: { text } }, explain: true, first: 1 });
    const { statement, parameters } = data!.cohort.explain;
    expect(statement).not.toContain(text);
    expect(statement).toContain('$c1_text');
    expect(JSON.parse(parameters)).toMatchObject({ c1_text: text.toLowerCase(), c1_assertion: ['PRESENT'], c1_subject: 'PATIENT', patientIds: f.all, limit: 2 });
    expect(data!.cohort.count).toBe(0);
  });

  it.each([
    ['two fields in one node', { criteria: { event: { text: 'a' }, not: { event: { text: 'b' } } } }, 'BAD_USER_INPUT', 'criteria: expected exactly one of event, sequence, all, any, not, got event, not'],
    ['no field', { criteria: {} }, 'BAD_USER_INPUT', 'criteria: expected exactly one of event, sequence, all, any, not, got none'],
    ['an empty event', { criteria: { all: [{ event: {} }] } }, 'BAD_USER_INPUT', 'criteria.all[0].event: expected at least one of type, text, concept, got none'],
    ['minDays > maxDays', { criteria: { sequence: { first: { text: 'a' }, then: { text: 'b' }, minDays: 5, maxDays: 1 } } }, 'BAD_USER_INPUT', 'criteria.sequence: expected minDays <= maxDays, got 5 > 1'],
    ['from after to', { criteria: { event: { text: 'a', from: '2020-01-02', to: '2020-01-01' } } }, 'BAD_USER_INPUT', 'criteria.event: expected from <= to, got 2020-01-02 > 2020-01-01'],
    ['an invalid cursor', { criteria: { event: { text: 'a' } }, after: 'not-a-cursor!' }, 'BAD_USER_INPUT', 'after: expected the endCursor of a previous page, got an invalid cursor'],
    ['an empty scope', { criteria: { event: { text: 'a' } }, patientIds: [] }, 'BAD_USER_INPUT', 'patientIds: expected a non-empty list of patient ids, got a list of 0'],
    ['too deep', { criteria: { not: { not: { not: { not: { not: { not: { event: { text: 'a' } } } } } } } } }, 'COHORT_TOO_COMPLEX', 'criteria nesting depth: expected at most 6, got 7 or more'],
    ['too many nodes', { criteria: { any: Array(41).fill({ event: { text: 'a' } }) } }, 'COHORT_TOO_COMPLEX', 'criteria nodes: expected at most 40, got 41'],
  ])('%s → %s', async (_, variables, code, message) => {
    const { data, errors } = await cohort(variables);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code }) })]);
  });

  it('first out of 1..500, unknown enums and impossible dates are refused before anything runs', async () => {
    for (const first of [0, 501]) expect((await cohort({ criteria: { event: { text: 'a' } }, first })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await cohort({ criteria: { event: { type: 'TUMOUR' } } })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await cohort({ criteria: { event: { text: 'a', from: '2019-02-29' } } })).errors?.[0]?.extensions.code).toBe('INVALID_DATE');
  });

  it('a hostile nesting depth is refused with a typed error, not a crash', async () => {
    let deep: unknown = { event: { text: 'a' } };
    for (let i = 0; i < 2_000; i++) deep = { not: deep };
    const { errors } = await cohort({ criteria: deep });
    expect(['COHORT_TOO_COMPLEX', 'BAD_USER_INPUT']).toContain(errors?.[0]?.extensions.code);
    // The server is still up.
    expect((await cohort({ criteria: { event: { concept: 'C50' } } })).data!.cohort.count).toBe(6);
  });

  it('past the time budget: COHORT_TIMEOUT', async () => {
    const criteria = { sequence: { first: { text: slowMarker }, then: { text: slowMarker }, minDays: 1 } };
    const { data, errors } = await cohort({ criteria, patientIds: [slowPatient] }, slowApi);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({
      message: 'cohort query cancelled after its time budget of 300 ms; narrow the criteria',
      extensions: expect.objectContaining({ code: 'COHORT_TIMEOUT', timeoutMs: 300 }),
    })]);
  }, 60_000);
});

describe('patients', () => {
  it('every patient in id order, paged with cursors; an invalid cursor is BAD_USER_INPUT', async () => {
    const query = 'query ($first: Int, $after: String) { patients(first: $first, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
    const first = (await api.post({ query, variables: { first: 2 } })).body.data.patients;
    expect(first.nodes).toHaveLength(2);
    expect(first.nodes[0].id < first.nodes[1].id).toBe(true);
    const next = (await api.post({ query, variables: { first: 2, after: first.pageInfo.endCursor } })).body.data.patients;
    expect(next.nodes[0].id > first.nodes[1].id).toBe(true);
    const bad = (await api.post({ query, variables: { after: 'zz!' } })).body;
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].message).not.toContain('zz!');
    expect((await api.post({ query, variables: { first: 101 } })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
