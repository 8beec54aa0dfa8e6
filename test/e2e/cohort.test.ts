/**
 * Cohort queries end to end (issue 11, Done when): records submitted over real HTTP to the built platform with the
 * shipped model, extracted (NER, assertion, normalisation, time), stored in Neo4j, then asked for by cohort criteria
 * of every kind. The sentences were checked with `oncotimeline extract` first: the model finds 左乳腺癌 (DISEASE,
 * ICD10:C50.902 under C50) and 左乳癌改良根治术 (SURGERY, ICD9CM3:85.43) at the dates the text gives, 乳腺癌 as ABSENT
 * after 否认 and as FAMILY after 母亲患, both undated (at the record date).
 *
 * The test Neo4j is shared with other tests and developers, so every query names this run's patients in
 * `patientIds`; within them the answers must be exact.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../src/domain/record.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { gql, gqlData } from './helpers/graphql-client.js';
import { startPlatformProcess, type PlatformProcess } from './helpers/platform-process.js';

const SHIPPED = 'models/ccks-union-hybrid';
const run = uniqueId('e2e-cohort');
// Ids sort in this order, which is the order cohort pages come in.
const P = { after14: `${run}-1`, after259: `${run}-2`, denied: `${run}-3`, family: `${run}-4`, surgeryFirst: `${run}-5` };
const ALL = Object.values(P);

const record = (patientId: string, n: number, recordedAt: string, text: string): ClinicalRecord =>
  ({ patientId, recordId: `${patientId}-R${n}`, kind: 'PROGRESS', recordedAt, text });

const RECORDS: ClinicalRecord[] = [
  record(P.after14, 1, '2019-03-01', '2019年3月1日确诊左乳腺癌。'),
  record(P.after14, 2, '2019-03-20', '2019年3月15日行左乳癌改良根治术。'),
  record(P.after259, 1, '2019-03-01', '2019年3月1日确诊左乳腺癌。'),
  record(P.after259, 2, '2019-11-20', '2019年11月15日行左乳癌改良根治术。'),
  record(P.denied, 1, '2019-05-01', '患者否认乳腺癌病史。'),
  record(P.family, 1, '2019-05-01', '母亲患乳腺癌。'),
  record(P.surgeryFirst, 1, '2019-03-05', '2019年3月1日行左乳癌改良根治术。'),
  record(P.surgeryFirst, 2, '2019-03-20', '2019年3月15日确诊左乳腺癌。'),
];

const COHORT = `query ($criteria: CohortCriteria!, $first: Int, $after: String, $explain: Boolean, $patientIds: [ID!]) {
  cohort(criteria: $criteria, first: $first, after: $after, explain: $explain, patientIds: $patientIds) {
    count
    patients { nodes { id } pageInfo { endCursor hasNextPage } }
    explain { statement parameters }
  }
}`;

interface CohortAnswer {
  count: number;
  patients: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
  explain: { statement: string; parameters: string } | null;
}

describe.skipIf(!existsSync(`${SHIPPED}/config.json`))('cohort queries end to end (shipped model, real HTTP)', { timeout: 300_000 }, () => {
  let platform: PlatformProcess;

  async function cohort(criteria: unknown, extra: Record<string, unknown> = {}): Promise<CohortAnswer> {
    return (await gqlData<{ cohort: CohortAnswer }>(platform.url, COHORT, { criteria, patientIds: ALL, first: 50, ...extra })).cohort;
  }

  async function who(criteria: unknown): Promise<string[]> {
    const answer = await cohort(criteria);
    expect(answer.count).toBe(answer.patients.nodes.length);
    return answer.patients.nodes.map((n) => n.id);
  }

  beforeAll(async () => {
    await (await testDriver()).close();
    platform = await startPlatformProcess({
      NEO4J_URI: testNeo4jUri(),
      ...(process.env['NEO4J_USER'] ? { NEO4J_USER: process.env['NEO4J_USER'], NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? '' } : {}),
      MODEL_DIR: SHIPPED,
    });
    const { submitRecords: job } = await gqlData<{ submitRecords: { id: string } }>(platform.url,
      'mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id } }', { records: RECORDS });
    let status = '';
    for (const deadline = Date.now() + 240_000; !['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(status); await new Promise((r) => setTimeout(r, 200))) {
      if (Date.now() > deadline) throw new Error(`job ${job.id} not finished: ${status}`);
      status = (await gqlData<{ job: { status: string } }>(platform.url, 'query ($id: ID!) { job(id: $id) { status } }', { id: job.id })).job.status;
    }
    expect(status).toBe('SUCCEEDED');
  }, 360_000);
  afterAll(async () => {
    if (platform) expect(await platform.kill('SIGTERM')).toBe(0);
  }, 120_000);

  it('event: breast cancer the patient has; the denied and the mother\'s are left out unless asked for', async () => {
    expect(await who({ event: { type: 'DISEASE', text: '乳腺癌' } })).toEqual([P.after14, P.after259, P.surgeryFirst]);
    expect(await who({ event: { type: 'DISEASE', text: '乳腺癌', assertion: ['ABSENT'] } })).toEqual([P.denied]);
    expect(await who({ event: { type: 'DISEASE', text: '乳腺癌', subject: 'FAMILY' } })).toEqual([P.family]);
    expect(await who({ event: { type: 'SURGERY', text: '改良根治术' } })).toEqual([P.after14, P.after259, P.surgeryFirst]);
    expect(await who({ event: { type: 'SURGERY', from: '2019-11-01', to: '2019-11-30' } })).toEqual([P.after259]);
  });

  it('concept: C50 finds mentions coded C50.902 (a descendant), by code or standard name', async () => {
    expect(await who({ event: { concept: 'C50' } })).toEqual([P.after14, P.after259, P.surgeryFirst]);
    expect(await who({ event: { concept: '乳房恶性肿瘤' } })).toEqual([P.after14, P.after259, P.surgeryFirst]);
    expect(await who({ event: { concept: 'C50', assertion: ['PRESENT', 'ABSENT'], subject: 'PATIENT' } }))
      .toEqual([P.after14, P.after259, P.denied, P.surgeryFirst]);
  });

  it('sequence: surgery 0–30 days after the diagnosis; without an upper bound, the 259-day one too', async () => {
    const surgeryAfterDiagnosis = (window: Record<string, unknown>) =>
      ({ sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY', text: '根治术' }, ...window } });
    expect(await who(surgeryAfterDiagnosis({ minDays: 0, maxDays: 30 }))).toEqual([P.after14]);
    expect(await who(surgeryAfterDiagnosis({ minDays: 0 }))).toEqual([P.after14, P.after259]);
    expect(await who(surgeryAfterDiagnosis({ minDays: 14, maxDays: 14, certain: true }))).toEqual([P.after14]);
    expect(await who(surgeryAfterDiagnosis({ minDays: -30, maxDays: -1 }))).toEqual([P.surgeryFirst]);
  });

  it('boolean: all / any / not', async () => {
    const within30 = { sequence: { first: { concept: 'C50' }, then: { type: 'SURGERY' }, minDays: 0, maxDays: 30 } };
    expect(await who({ all: [{ event: { concept: 'C50' } }, { not: within30 }] })).toEqual([P.after259, P.surgeryFirst]);
    expect(await who({ any: [{ event: { concept: 'C50', assertion: ['ABSENT'] } }, { event: { concept: 'C50', subject: 'FAMILY' } }] }))
      .toEqual([P.denied, P.family]);
    expect(await who({ not: { event: { concept: 'C50' } } })).toEqual([P.denied, P.family]);
    expect(await who({ all: [{ event: { type: 'SURGERY' } }, { event: { concept: 'C50' } }, { not: { event: { type: 'DISEASE', to: '2019-03-01' } } }] }))
      .toEqual([P.surgeryFirst]);
  });

  it('count is exact and pages follow their cursors; explain shows the statement and parameters', async () => {
    const first = await cohort({ event: { concept: 'C50' } }, { first: 2, explain: true });
    expect(first.count).toBe(3);
    expect(first.patients.nodes.map((n) => n.id)).toEqual([P.after14, P.after259]);
    expect(first.patients.pageInfo.hasNextPage).toBe(true);
    expect(first.explain!.statement).toContain('$c1_concept');
    expect(JSON.parse(first.explain!.parameters)).toMatchObject({ c1_concept: 'C50', patientIds: ALL, limit: 3 });
    const second = await cohort({ event: { concept: 'C50' } }, { first: 2, after: first.patients.pageInfo.endCursor });
    expect(second).toMatchObject({ count: 3, patients: { nodes: [{ id: P.surgeryFirst }], pageInfo: { hasNextPage: false } }, explain: null });
  });

  it('typed errors over HTTP: two fields in one node, a bad cursor, too deep', async () => {
    const codeOf = async (criteria: unknown, extra: Record<string, unknown> = {}) =>
      (await gql(platform.url, COHORT, { criteria, patientIds: ALL, ...extra })).errors?.[0]?.extensions?.['code'];
    expect(await codeOf({ event: { concept: 'C50' }, any: [{ event: { type: 'SURGERY' } }] })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ event: { concept: 'C50' } }, { after: 'no such cursor' })).toBe('BAD_USER_INPUT');
    let deep: unknown = { event: { concept: 'C50' } };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    expect(await codeOf(deep)).toBe('COHORT_TOO_COMPLEX');
  });
});
