/**
 * DataLoader batching against a real Neo4j: the same timeline query over a patient with 2 records and with 24
 * records costs the same number of Cypher round trips (the driver counts them).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/api/context.js';
import { buildApiSchema } from '../../src/api/schema.js';
import type { ApiServices } from '../../src/api/services.js';
import { createApiPubSub } from '../../src/api/topics.js';
import type { EntityMention } from '../../src/domain/entity.js';
import { ReadRepository, replaceExtraction, type GraphDriver } from '../../src/graph/index.js';
import { testDriver } from '../helpers/neo4j.js';

const TEXT = '2018-03-12行左乳癌改良根治术，术后口服来曲唑。';

function entities(): EntityMention[] {
  const mention = (text: string, label: string, type: EntityMention['type']): EntityMention => {
    const start = TEXT.indexOf(text);
    return { start, end: start + text.length, text, label, type, confidence: 0.9 };
  };
  return [mention('左乳癌改良根治术', '手术', 'SURGERY'), mention('来曲唑', '药物', 'DRUG')];
}

/** The pipeline's own path: records accepted by a job (`submit-job`), then each record's extraction written. */
async function seedPatient(driver: GraphDriver, patientId: string, records: number): Promise<void> {
  const dateOf = (i: number): string => `2019-01-${String(i + 1).padStart(2, '0')}`;
  const accepted = Array.from({ length: records }, (_, i) => ({
    patientId, recordId: `${patientId}-r${i}`, kind: 'DISCHARGE', recordedAt: dateOf(i), text: TEXT, seq: i,
  }));
  await driver.write('submit-job', { jobId: `${patientId}-job`, now: new Date().toISOString(), records: accepted });
  for (let i = 0; i < records; i += 1) {
    const recordedAt = dateOf(i);
    const [op, drug] = entities();
    await driver.writeTransaction((tx) =>
      replaceExtraction(
        tx,
        {
          record: { patientId, recordId: `${patientId}-r${i}`, kind: 'DISCHARGE', recordedAt, text: TEXT },
          entities: [op!, drug!].map((e) => ({ ...e, assertion: 'PRESENT' as const, subject: 'PATIENT' as const, concept: null })),
          timexes: [{ id: 'T1', start: 0, end: 10, text: '2018-03-12', kind: 'DATE', value: '2018-03-12', approx: false }],
          links: [
            { entityStart: op!.start, entityEnd: op!.end, timexId: 'T1' },
            { entityStart: drug!.start, entityEnd: drug!.end, timexId: null },
          ],
          resolutions: [{ timexId: 'T1', interval: { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false } }],
          model: { name: 'test', version: '0' },
        },
        new Date().toISOString(),
      ).then(() =>
        // finish the job item as the pipeline does, so no QUEUED job is left for a JobService on this database to resume
        tx.run('finish-items', {
          jobIds: [`${patientId}-job`],
          items: [{
            jobId: `${patientId}-job`, itemId: `${patientId}-job/${patientId}-r${i}`, status: 'DONE', entities: 2,
            errorCode: null, errorMessage: null,
          }],
          now: new Date().toISOString(),
        }),
      ),
    );
  }
}

const QUERY = /* GraphQL */ `
  query ($id: ID!) {
    patient(id: $id) {
      id
      recordCount
      records { id kind entities { id text concept { name } timex { text } record { id } } timexes { id interval { start } } patient { id } }
      timeline {
        undated
        time { start end undated }
        entity { id type text concept { id name } timex { id } }
        timex { id text value }
        record { id recordedAt patient { id } }
        span { recordId start end text }
      }
    }
  }
`;

describe('per-request DataLoaders', { timeout: 60_000 }, () => {
  let driver: GraphDriver;
  let schema: GraphQLSchema;
  let services: ApiServices;
  const run = `loaders-${randomUUID()}`;

  beforeAll(async () => {
    driver = await testDriver();
    const pubsub = createApiPubSub();
    schema = await buildApiSchema(pubsub);
    const unused = (): never => {
      throw new Error('not used by this test');
    };
    services = {
      jobs: { submit: unused, get: unused, list: unused, cancel: unused },
      reads: new ReadRepository(driver),
      preview: { preview: unused },
      cohort: { find: unused, patients: unused },
      limits: { maxRecordChars: 1000, maxRecordsPerCall: 10, maxCharsPerCall: 10_000 },
    };
    await seedPatient(driver, `${run}-small`, 2);
    await seedPatient(driver, `${run}-large`, 24);
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
  });

  async function roundTripsFor(patientId: string): Promise<{ trips: number; events: number }> {
    driver.resetRoundTrips();
    const result = await graphql({ schema, source: QUERY, variableValues: { id: patientId }, contextValue: createContext(services, createApiPubSub()) });
    expect(result.errors).toBeUndefined();
    const patient = (result.data as { patient: { timeline: unknown[]; records: unknown[] } }).patient;
    return { trips: driver.roundTrips, events: patient.timeline.length };
  }

  it('answers the nested query with correct data', async () => {
    const result = await graphql({ schema, source: QUERY, variableValues: { id: `${run}-small` }, contextValue: createContext(services, createApiPubSub()) });
    expect(result.errors).toBeUndefined();
    const patient = (result.data as { patient: Record<string, any> }).patient;
    expect(patient.recordCount).toBe(2);
    expect(patient.timeline).toHaveLength(4);
    const dated = patient.timeline.filter((e: { undated: boolean }) => !e.undated);
    expect(dated.map((e: any) => [e.entity.text, e.time.start, e.timex.text])).toEqual([
      ['左乳癌改良根治术', '2018-03-12', '2018-03-12'],
      ['左乳癌改良根治术', '2018-03-12', '2018-03-12'],
    ]);
    for (const event of patient.timeline) {
      expect(TEXT.slice(event.span.start, event.span.end)).toBe(event.span.text);
      expect(event.record.patient.id).toBe(`${run}-small`);
    }
    const undated = patient.timeline.filter((e: { undated: boolean }) => e.undated);
    expect(undated.map((e: any) => [e.entity.text, e.time.start, e.timex])).toEqual([
      ['来曲唑', '2019-01-01', null],
      ['来曲唑', '2019-01-02', null],
    ]);
  });

  it('costs a constant number of round trips, whatever the number of records', async () => {
    const small = await roundTripsFor(`${run}-small`);
    const large = await roundTripsFor(`${run}-large`);
    expect(large.events).toBe(48);
    expect(large.trips).toBe(small.trips);
    expect(large.trips).toBeLessThanOrEqual(10);
  });

  it('reads a timeline reached twice in one query once', async () => {
    const query = (fields: string): string => `query ($id: ID!) { patient(id: $id) { ${fields} } }`;
    const trips = async (source: string): Promise<number> => {
      driver.resetRoundTrips();
      const result = await graphql({ schema, source, variableValues: { id: `${run}-small` }, contextValue: createContext(services, createApiPubSub()) });
      expect(result.errors).toBeUndefined();
      return driver.roundTrips;
    };
    const once = await trips(query('timeline(types: [DRUG, SURGERY]) { undated }'));
    const twice = await trips(query('a: timeline(types: [DRUG, SURGERY]) { undated } b: timeline(types: [SURGERY, DRUG]) { time { start } }'));
    expect(twice).toBe(once);
  });

  it('answers null for an unknown patient in one round trip', async () => {
    driver.resetRoundTrips();
    const result = await graphql({ schema, source: QUERY, variableValues: { id: `${run}-nobody` }, contextValue: createContext(services, createApiPubSub()) });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ patient: null });
    expect(driver.roundTrips).toBe(1);
  });
});
