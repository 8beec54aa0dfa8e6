/**
 * Group commit (src/jobs/group-commit.ts) against the test Neo4j: several finished records per transaction, each
 * stored exactly once with its job item finished in the same transaction; an item finished already is skipped; one
 * bad record fails only itself; the job runner keeps per-patient date order with batches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommitter, JobService, jobsByIds, submitJob, type CommitEntry, type ItemOutcome, type JobItem } from '../../src/jobs/index.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import type { RecordExtraction } from '../../src/graph/extraction.rows.js';
import { testPipeline } from '../helpers/test-pipeline.js';
import { dictionaryNer } from '../helpers/dictionary-ner.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';
import { finished, record } from './job-test-kit.js';

let driver: GraphDriver;
let reads: ReadRepository;

beforeAll(async () => {
  driver = await testDriver();
  reads = new ReadRepository(driver);
});
afterAll(async () => {
  await driver?.close();
});

const TEXT = '2018-03-12行左乳癌改良根治术。';

/** A submitted job of `n` records (one patient each) and, per record, the entry its pipeline run would commit. */
async function submitted(n: number): Promise<{ jobId: string; entries: CommitEntry[] }> {
  const jobId = uniqueId('job');
  const records = Array.from({ length: n }, (_, i) => record(uniqueId('p'), TEXT, '2020-05-01', uniqueId(`r${i}`)));
  await submitJob(driver, jobId, records, new Date().toISOString());
  const entries = records.map((r, seq): CommitEntry => {
    const item: JobItem = { jobId, seq, record: r };
    const extraction: RecordExtraction = {
      record: r,
      entities: [{
        start: 10, end: 13, text: '左乳癌', type: 'DISEASE', label: '疾病和诊断', confidence: 1,
        assertion: 'PRESENT', subject: 'PATIENT', concept: null,
      }],
      timexes: [{ id: 'T1', start: 0, end: 10, text: '2018-03-12', kind: 'DATE', value: '2018-03-12', approx: false }],
      links: [{ entityStart: 10, entityEnd: 13, timexId: 'T1' }],
      resolutions: [{ timexId: 'T1', interval: { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false } }],
      model: { name: 'test', version: '0' },
    };
    const outcome: ItemOutcome = { status: 'DONE', entities: 1 };
    return { item, extraction, outcome };
  });
  return { jobId, entries };
}

describe('GroupCommitter', () => {
  it('writes records finished together in few transactions, each record once, its item finished with it', async () => {
    const { jobId, entries } = await submitted(12);
    const batches: number[] = [];
    const commits = new GroupCommitter(driver, { maxRecords: 5, lingerMs: 20 }, { onCommit: (n) => batches.push(n) });
    const written = await Promise.all(entries.map((e) => commits.commit(e)));
    expect(written).toEqual(entries.map(() => true));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.max(...batches)).toBeLessThanOrEqual(5);
    expect(batches.length).toBeLessThan(12); // grouped: 12 records in 3 transactions (5 + 5 + 2)
    const [job] = await jobsByIds(driver, [jobId]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', done: 12, failed: 0, entities: 12 });
    const stored = await reads.entitiesByRecordIds(entries.map((e) => e.item.record.recordId));
    expect(stored.map((es) => es.map((e) => [e.text, e.time.start]))).toEqual(entries.map(() => [['左乳癌', '2018-03-12']]));
  });

  it('commits a lone record at once and writes nothing for an item finished already', async () => {
    const { entries } = await submitted(3);
    const commits = new GroupCommitter(driver, { maxRecords: 32, lingerMs: 0 });
    expect(await commits.commit(entries[0]!)).toBe(true);
    // The same item again (a second run of a record already stored): nothing is written twice.
    const again = { ...entries[0]!, extraction: { ...entries[0]!.extraction, entities: [] } };
    expect(await Promise.all([commits.commit(again), commits.commit(entries[1]!)])).toEqual([false, true]);
    const [first] = await reads.entitiesByRecordIds([entries[0]!.item.record.recordId]);
    expect(first).toHaveLength(1); // the first write stands
  });

  it('fails only the bad record of a batch; the others are stored', async () => {
    const { jobId, entries } = await submitted(4);
    const bad = entries[2]!;
    // A mention property Neo4j cannot store (a map): the batch statement fails, then each record is written alone.
    const broken = { ...bad.extraction.entities[0]!, label: { not: 'a string' } as unknown as string };
    const entriesWithBad = entries.map((e) => (e === bad ? { ...e, extraction: { ...e.extraction, entities: [broken] } } : e));
    const commits = new GroupCommitter(driver, { maxRecords: 4, lingerMs: 20 });
    const results = await Promise.allSettled(entriesWithBad.map((e) => commits.commit(e)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await reads.entitiesByRecordIds(entries.map((e) => e.item.record.recordId));
    expect(stored.map((es) => es.length)).toEqual([1, 1, 0, 1]);
    const [job] = await jobsByIds(driver, [jobId]);
    expect(job).toMatchObject({ done: 3, status: 'RUNNING' }); // the bad record's item is still QUEUED (the runner fails it)
  });

  it('rejects bad options', () => {
    expect(() => new GroupCommitter(driver, { maxRecords: 0, lingerMs: 0 })).toThrow(/maxRecords/);
    expect(() => new GroupCommitter(driver, { maxRecords: 1, lingerMs: -1 })).toThrow(/lingerMs/);
  });
});

describe('JobService with group commit', () => {
  it('stores every record once and keeps each patient in date order', async () => {
    const service = new JobService({
      driver, pipeline: testPipeline(dictionaryNer()), concurrency: 2, groupCommit: { maxRecords: 8, lingerMs: 10 },
      resume: false, log: () => undefined,
    });
    await service.start();
    const patients = Array.from({ length: 10 }, () => uniqueId('p'));
    // Three records per patient, submitted newest first: the runner must process each patient's oldest first.
    const records = patients.flatMap((p) => ['2021-01-01', '2020-01-01', '2019-01-01']
      .map((day) => record(p, `${day.slice(0, 4)}年行左乳癌改良根治术。`, day, `${p}-${day}`)));
    const job = await service.submit(records);
    const done = await finished(service, job.id);
    await service.stop();
    expect(done).toMatchObject({ status: 'SUCCEEDED', total: 30, done: 30, failed: 0 });
    // A patient's records are never in one batch: each commits after the one before it, oldest first.
    const views = await reads.recordsByIds(records.map((r) => r.recordId));
    for (const p of patients) {
      const mine = views.filter((v) => v!.patientId === p).sort((a, b) => a!.processedAt!.localeCompare(b!.processedAt!));
      expect(mine.map((v) => v!.recordedAt)).toEqual(['2019-01-01', '2020-01-01', '2021-01-01']);
      expect(new Set(mine.map((v) => v!.processedAt)).size).toBe(3);
    }
    const stored = await reads.entitiesByRecordIds(records.map((r) => r.recordId));
    expect(stored.every((es) => es.length === 2)).toBe(true); // 左乳癌 + 改良根治术, once each
  });
});
