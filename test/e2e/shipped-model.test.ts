/**
 * The shipped union model end to end: GraphQL in, the real ONNX model (CCKS 2019 + CCKS 2017 heads) and the time
 * module in the platform process, Neo4j, the timeline out. Symptoms (CCKS 2017 head) and treatments (化疗 from the
 * therapy-term rule layer, which no data set annotates: src/ner/rules) must reach the
 * timeline placed at their own dates. The record is hand-written (test/fixtures/records/union-timeline.json) in the
 * style of an admission note; the model is real, so the expectations are a few unambiguous mentions.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../src/domain/record.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { gqlData } from './helpers/graphql-client.js';
import { startPlatformProcess, type PlatformProcess } from './helpers/platform-process.js';

const SHIPPED = 'models/ccks-union-hybrid';
const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/records/union-timeline.json', import.meta.url), 'utf8')) as {
  record: ClinicalRecord;
  expect: { type: string; text: string; start: string }[];
};

describe.skipIf(!existsSync(`${SHIPPED}/config.json`))('shipped union model end to end', { timeout: 300_000 }, () => {
  let platform: PlatformProcess;
  const patientId = uniqueId('union');
  const record: ClinicalRecord = { ...FIXTURE.record, patientId, recordId: `${patientId}-R01` };

  beforeAll(async () => {
    await (await testDriver()).close();
    platform = await startPlatformProcess({
      NEO4J_URI: testNeo4jUri(),
      ...(process.env['NEO4J_USER'] ? { NEO4J_USER: process.env['NEO4J_USER'], NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? '' } : {}),
      MODEL_DIR: SHIPPED,
    });
  }, 360_000);
  afterAll(async () => {
    if (platform) expect(await platform.kill('SIGTERM')).toBe(0);
  }, 120_000);

  it('puts symptoms and treatments on the timeline at their dates', async () => {
    const { submitRecords: job } = await gqlData<{ submitRecords: { id: string } }>(platform.url,
      'mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id } }', { records: [record] });
    for (let status = ''; !['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(status); await new Promise((r) => setTimeout(r, 200))) {
      status = (await gqlData<{ job: { status: string } }>(platform.url, 'query ($id: ID!) { job(id: $id) { status } }', { id: job.id })).job.status;
    }
    const { patient } = await gqlData<{ patient: any }>(platform.url, `query ($id: ID!) {
      patient(id: $id) { timeline { undated time { start end } entity { type text label } } }
    }`, { id: patientId });
    const events = patient.timeline as { undated: boolean; time: { start: string }; entity: { type: string; text: string; label: string } }[];
    for (const want of FIXTURE.expect) {
      const hit = events.find((e) => e.entity.type === want.type && e.entity.text === want.text);
      expect(hit, `${want.type} ${want.text} on the timeline`).toBeDefined();
      expect(hit!.undated).toBe(false);
      expect(hit!.time.start).toBe(want.start);
    }
    // Served labels come from the head that owns them (docs/entity-types.md).
    expect(events.filter((e) => e.entity.type === 'SYMPTOM').every((e) => e.entity.label === '症状和体征')).toBe(true);
    expect(events.some((e) => e.entity.label === '身体部位')).toBe(false);
  });

  it('says what each mention means: denied, a relative\'s, suspected; the default timeline keeps only the patient\'s facts and suspicions', async () => {
    const text = '患者无发热，否认乳腺癌家族史。母亲患卵巢癌。考虑肺转移可能。';
    const { extract } = await gqlData<{ extract: any }>(platform.url, `query ($text: String!) {
      extract(text: $text, recordedAt: "2020-05-01") { stages { name } entities { text type assertion subject cue concept { system code } } }
    }`, { text });
    expect(extract.stages.map((s: { name: string }) => s.name)).toEqual(['ner', 'rules', 'assertion', 'normalise', 'time']);
    const shown = new Map((extract.entities as { text: string; assertion: string; subject: string; concept: { code: string } | null }[]).map((e) => [e.text, e]));
    expect(shown.get('发热')).toMatchObject({ assertion: 'ABSENT', subject: 'PATIENT' });
    expect(shown.get('卵巢癌')).toMatchObject({ assertion: 'PRESENT', subject: 'FAMILY' });
    expect(shown.get('肺转移')).toMatchObject({ assertion: 'POSSIBLE', subject: 'PATIENT' });
    expect(shown.get('卵巢癌')?.concept?.code.startsWith('C56')).toBe(true);

    const meaningPatient = uniqueId('meaning');
    const { submitRecords: job } = await gqlData<{ submitRecords: { id: string } }>(platform.url,
      'mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id } }',
      { records: [{ patientId: meaningPatient, recordId: `${meaningPatient}-R01`, kind: 'ADMISSION', recordedAt: '2020-05-01', text }] });
    for (let status = ''; !['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(status); await new Promise((r) => setTimeout(r, 200))) {
      status = (await gqlData<{ job: { status: string } }>(platform.url, 'query ($id: ID!) { job(id: $id) { status } }', { id: job.id })).job.status;
    }
    const { patient } = await gqlData<{ patient: any }>(platform.url, `query ($id: ID!) {
      patient(id: $id) {
        timeline { entity { text assertion subject } }
        all: timeline(assertions: [PRESENT, ABSENT, POSSIBLE], subjects: [PATIENT, FAMILY, OTHER]) { entity { text assertion subject concept { id code ancestors { code } } } }
      }
    }`, { id: meaningPatient });
    const byDefault = (patient.timeline as { entity: { text: string } }[]).map((e) => e.entity.text);
    expect(byDefault).toContain('肺转移');
    expect(byDefault).not.toContain('发热');
    expect(byDefault).not.toContain('卵巢癌');
    const all = new Map((patient.all as { entity: any }[]).map((e) => [e.entity.text, e.entity]));
    expect(all.get('发热')).toMatchObject({ assertion: 'ABSENT', subject: 'PATIENT' });
    expect(all.get('卵巢癌')).toMatchObject({ assertion: 'PRESENT', subject: 'FAMILY' });
    expect(all.get('肺转移')).toMatchObject({ assertion: 'POSSIBLE' });
    // The stored concept carries its hierarchy: ovarian cancer (C56…) sits under the neoplasm block.
    expect((all.get('卵巢癌').concept.ancestors as { code: string }[]).map((a) => a.code)).toContain('C00-D48');
  });
});
