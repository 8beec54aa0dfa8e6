import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import type { JobProgressEvent } from '../../src/jobs/index.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { finished, newService, record } from './job-test-kit.js';

let driver: GraphDriver;
let reads: ReadRepository;

beforeAll(async () => {
  driver = await testDriver();
  reads = new ReadRepository(driver);
});
afterAll(async () => {
  await driver?.close();
});

const SURGERY_TEXT = '2018-03-12行左乳癌改良根治术，术后2年复查CT。';
const CHEMO_TEXT = '术后3个月行紫杉醇化疗，复查血常规。';

describe('JobService.submit', () => {
  it('persists the job and its records as QUEUED before it resolves, even before start()', async () => {
    const service = newService(driver);
    const patient = uniqueId('p');
    const r = record(patient, SURGERY_TEXT, '2020-05-01');
    const job = await service.submit([r]);
    expect(job).toMatchObject({ status: 'QUEUED', total: 1, done: 0, failed: 0, entities: 0, errors: [], finishedAt: null });
    // A second service (another process) sees it in Neo4j.
    expect((await newService(driver).get(job.id))?.status).toBe('QUEUED');
    const [stored] = await reads.recordsByIds([r.recordId]);
    expect(stored).toMatchObject({ id: r.recordId, patientId: patient, status: 'QUEUED', text: SURGERY_TEXT });
    await service.start();
    expect((await finished(service, job.id)).status).toBe('SUCCEEDED');
    await service.stop();
  });
});

describe('JobService processing', () => {
  it('stores entities, TIMEX and links; resolves times; emits progress and timelineUpdated', async () => {
    const service = newService(driver);
    const events: JobProgressEvent[] = [];
    const updated: string[] = [];
    service.on('progress', (e) => events.push(e));
    service.on('timelineUpdated', (p) => updated.push(p));
    await service.start();
    const patient = uniqueId('p');
    const first = record(patient, SURGERY_TEXT, '2020-05-01');
    const job = await service.submit([first]);
    const done = await finished(service, job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', total: 1, done: 1, failed: 0, entities: 3 });
    expect(done.finishedAt).not.toBeNull();
    expect(events.filter((e) => e.job.id === job.id).map((e) => e.job.status)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    expect(updated).toContain(patient);

    const [entities] = await reads.entitiesByRecordIds([first.recordId]);
    expect(entities?.map((e) => [e.text, e.type, e.time.start, e.time.precision, e.time.undated])).toEqual([
      ['左乳癌', 'DISEASE', '2018-03-12', 'DAY', false],
      ['改良根治术', 'SURGERY', '2018-03-12', 'DAY', false],
      ['CT', 'IMAGING', '2020-01-01', 'YEAR', false],
    ]);
    expect(entities?.[0]).toMatchObject({ modelName: 'dictionary', modelVersion: 'test-1', termId: 'DISEASE:左乳癌', assertion: 'PRESENT', subject: 'PATIENT', confidence: 0.9 });
    const [timexes] = await reads.timexesByRecordIds([first.recordId]);
    expect(timexes?.map((t) => [t.localId, t.kind, t.value, t.anchor, t.interval?.start])).toEqual([
      ['T1', 'DATE', '2018-03-12', null, '2018-03-12'],
      ['T2', 'EVENT_RELATIVE', 'P2Y', '术', '2020-01-01'],
    ]);
    expect(entities?.[2]?.timexId).toBe(timexes?.[1]?.id);
    await service.stop();
  });

  it('anchors 术后 in a later record on the surgery stored from an earlier record (priorEvents)', async () => {
    const service = newService(driver);
    await service.start();
    const patient = uniqueId('p');
    // Submitted later-first: the per-patient queue still runs them in recordedAt order.
    const later = record(patient, CHEMO_TEXT, '2018-07-01');
    const earlier = record(patient, SURGERY_TEXT, '2018-03-20');
    const job = await service.submit([later, earlier]);
    expect((await finished(service, job.id)).status).toBe('SUCCEEDED');
    const [timexes] = await reads.timexesByRecordIds([later.recordId]);
    expect(timexes?.[0]).toMatchObject({
      anchorSource: 'PATIENT_TIMELINE',
      interval: { start: '2018-06-01', end: '2018-06-30', precision: 'MONTH', approx: false },
    });
    await service.stop();
  });

  it('records per-record failures (code + class, no text) without stopping the other records', async () => {
    const service = newService(driver, dictionaryNer({ failOn: '坏' }));
    await service.start();
    const bad = record(uniqueId('p'), '坏记录：乳腺癌', '2020-01-01');
    const good = record(uniqueId('p'), SURGERY_TEXT, '2020-01-01');
    const job = await service.submit([bad, good]);
    const done = await finished(service, job.id);
    expect(done).toMatchObject({ status: 'PARTIAL', done: 2, failed: 1, entities: 3 });
    expect(done.errors).toEqual([{ recordId: bad.recordId, code: 'NER_FAILED', message: 'TestNerError (TEST_NER_FAILURE)' }]);
    expect(JSON.stringify(done)).not.toContain('乳腺癌');
    const [badView] = await reads.recordsByIds([bad.recordId]);
    expect(badView).toMatchObject({ status: 'FAILED', entityCount: 0 });

    const allBad = await service.submit([record(uniqueId('p'), '坏', '2020-01-01')]);
    expect((await finished(service, allBad.id)).status).toBe('FAILED');
    await service.stop();
  });

  it('re-submitting a record replaces its extraction: no duplicates, no orphans', async () => {
    const service = newService(driver);
    await service.start();
    const patient = uniqueId('p');
    const r = record(patient, SURGERY_TEXT, '2020-05-01');
    await finished(service, (await service.submit([r])).id);
    const replaced = { ...r, text: '复查血常规。' };
    await finished(service, (await service.submit([replaced])).id);
    await finished(service, (await service.submit([replaced])).id);

    const [entities] = await reads.entitiesByRecordIds([r.recordId]);
    expect(entities?.map((e) => [e.text, e.time.undated, e.time.start])).toEqual([['血常规', true, '2020-05-01']]);
    expect(await reads.timexesByRecordIds([r.recordId])).toEqual([[]]);
    const counts = await driver.read('records-by-ids', { ids: [r.recordId] });
    expect(counts[0]?.get('record')).toMatchObject({ entityCount: 1, timexCount: 0, text: '复查血常规。', status: 'DONE' });
    const [patientView] = await reads.patientsByIds([patient]);
    expect(patientView?.recordCount).toBe(1);
    await service.stop();
  });

  it('lists jobs newest first with cursor pagination and a status filter', async () => {
    const service = newService(driver);
    await service.start();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const job = await service.submit([record(uniqueId('p'), '复查血常规。', '2020-01-01')]);
      ids.push(job.id);
      await finished(service, job.id);
    }
    const page1 = await service.list({ first: 2 });
    expect(page1.hasNextPage).toBe(true);
    const page2 = await service.list({ first: 2, after: page1.endCursor! });
    const seen = [...page1.items, ...page2.items].map((j) => j.id);
    expect(seen.indexOf(ids[2]!)).toBeLessThan(seen.indexOf(ids[1]!));
    expect(new Set(seen).size).toBe(seen.length);
    const failedOnly = await service.list({ first: 50, status: 'FAILED' });
    expect(failedOnly.items.every((j) => j.status === 'FAILED')).toBe(true);
    await expect(service.list({ first: 0 })).rejects.toThrow('first: expected an integer 1..500, got 0');
    await expect(service.list({ first: 1, after: 'nope' })).rejects.toThrow('after: expected a cursor from a previous page');
    await service.stop();
  });

  it('a throwing listener does not stop processing', async () => {
    const service = newService(driver);
    service.on('progress', () => {
      throw new Error('listener bug');
    });
    await service.start();
    const job = await service.submit([record(uniqueId('p'), '复查血常规。', '2020-01-01')]);
    expect((await finished(service, job.id)).status).toBe('SUCCEEDED');
    await service.stop();
  });
});
