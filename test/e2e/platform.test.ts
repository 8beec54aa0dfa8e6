/**
 * End to end over real HTTP and WebSocket: the platform runs from dist/ as a child process against the test run's
 * Neo4j, with a small model (see e2e-fixtures.ts), so entities are arbitrary: assertions are about structure and
 * invariants (order, spans, resolved times, counts, idempotency), not about particular entities.
 */
import 'reflect-metadata';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../src/domain/record.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';
import { e2eModelDir, exampleRecords } from './helpers/e2e-fixtures.js';
import { collect, gql, gqlData, wsClient } from './helpers/graphql-client.js';
import { startPlatformProcess, type PlatformProcess } from './helpers/platform-process.js';

const FINAL = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED']);
const RANK: Record<string, number> = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, PARTIAL: 2, FAILED: 2 };

const SUBMIT = `mutation ($records: [RecordInput!]!) { submitRecords(records: $records) { id status total done } }`;
const JOB_PROGRESS = `subscription ($jobId: ID!) {
  jobProgress(jobId: $jobId) { recordId patientId job { id status total done failed entities errors { recordId code message } } }
}`;
const PATIENT = `query ($id: ID!) {
  patient(id: $id) {
    id recordCount
    records { id recordedAt text status entityCount entities { id start end text type time { start end undated } } }
    timeline {
      undated
      time { start end precision approx undated }
      entity { id type text start end recordId }
      timex { id text kind value interval { start end } }
      record { id recordedAt text }
      span { recordId start end text }
    }
  }
}`;

interface JobState { id: string; status: string; total: number; done: number; failed: number; entities: number; errors: unknown[] }
interface Progress { jobProgress: { recordId: string | null; patientId: string | null; job: JobState } }

function platformEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NEO4J_URI: testNeo4jUri(),
    ...(process.env['NEO4J_USER'] ? { NEO4J_USER: process.env['NEO4J_USER'], NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? '' } : {}),
    MODEL_DIR: e2eModelDir(),
    MAX_RECORD_CHARS: '2000',
    MAX_RECORDS_PER_CALL: '50',
    JOB_CONCURRENCY: '2',
    ...extra,
  };
}

async function followToEnd(client: Client, jobId: string): Promise<Progress[]> {
  return collect<Progress>(client.iterate({ query: JOB_PROGRESS, variables: { jobId } }));
}

function expectOrderedProgress(events: Progress[], total: number): void {
  expect(events.length).toBeGreaterThan(0);
  for (let i = 1; i < events.length; i += 1) {
    const [a, b] = [events[i - 1]!.jobProgress.job, events[i]!.jobProgress.job];
    expect(RANK[b.status]!).toBeGreaterThanOrEqual(RANK[a.status]!);
    expect(b.done).toBeGreaterThanOrEqual(a.done);
    expect(b.entities).toBeGreaterThanOrEqual(a.entities);
  }
  const last = events.at(-1)!.jobProgress.job;
  expect(FINAL.has(last.status)).toBe(true);
  expect(last.done).toBe(total);
  expect(events.slice(0, -1).every((e) => !FINAL.has(e.jobProgress.job.status))).toBe(true);
}

/** Everything stored for the given patients, as the API shows it. */
async function snapshot(url: string, patientIds: string[]): Promise<Record<string, any>> {
  const out: Record<string, any> = {};
  for (const id of patientIds) out[id] = (await gqlData<{ patient: any }>(url, PATIENT, { id })).patient;
  return out;
}

// generous: the suite shares two cores with model training; a loaded machine makes a 12-record job take minutes
describe('platform end to end', { timeout: 300_000 }, () => {
  let platform: PlatformProcess;
  let client: Client;
  const prefix = uniqueId('e2e');
  const records = exampleRecords(prefix);
  const patientIds = [...new Set(records.map((r) => r.patientId))];

  beforeAll(async () => {
    await (await testDriver()).close(); // waits for the run's Neo4j and its schema
    platform = await startPlatformProcess(platformEnv());
    client = await wsClient(platform.wsUrl);
  }, 360_000);

  afterAll(async () => {
    await client?.dispose();
    if (platform) {
      expect(await platform.kill('SIGTERM')).toBe(0);
      const log = platform.output();
      expect(log).toContain('shutdown complete');
      // never log record text: no sentence of any record may appear in the log
      for (const record of records) for (const sentence of record.text.split('。')) if (sentence.length >= 6) expect(log).not.toContain(sentence);
    }
  }, 120_000);

  it('submits, streams ordered progress to a final state, and stores a timeline with times and spans', async () => {
    const all = client.iterate({ query: `subscription { extractionEvents { job { id status done total } } }` });
    const firstPatient = records[0]!.patientId;
    const updates = client.iterate({
      query: `subscription ($id: ID!) { patientTimelineUpdated(patientId: $id) { patientId patient { id recordCount } } }`,
      variables: { id: firstPatient },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const submitted = await gqlData<{ submitRecords: JobState }>(platform.url, SUBMIT, { records });
    expect(submitted.submitRecords).toMatchObject({ total: records.length });
    expect(['QUEUED', 'RUNNING']).toContain(submitted.submitRecords.status);
    const jobId = submitted.submitRecords.id;

    const events = await followToEnd(client, jobId);
    expectOrderedProgress(events, records.length);
    const final = events.at(-1)!.jobProgress.job;
    expect(final).toMatchObject({ status: 'SUCCEEDED', failed: 0, errors: [] });

    // extractionEvents delivers the same job's final state too
    const seen = await collect<{ extractionEvents: { job: JobState } }>(
      all,
      (e) => e.extractionEvents.job.id === jobId && FINAL.has(e.extractionEvents.job.status),
      30_000,
    );
    expect(seen.at(-1)?.extractionEvents.job).toMatchObject({ id: jobId, status: 'SUCCEEDED', done: records.length });
    await all.return?.();

    // patientTimelineUpdated fired for the patient, and reads fresh data for each update
    const patientRecords = records.filter((r) => r.patientId === firstPatient).length;
    const updated = await collect<{ patientTimelineUpdated: { patientId: string; patient: { recordCount: number } | null } }>(
      updates,
      (u) => u.patientTimelineUpdated.patient?.recordCount === patientRecords,
      30_000,
    );
    expect(updated.at(-1)?.patientTimelineUpdated).toEqual({ patientId: firstPatient, patient: { id: firstPatient, recordCount: patientRecords } });
    await updates.return?.();

    const stored = await snapshot(platform.url, patientIds);
    let entities = 0;
    for (const patientId of patientIds) {
      const patient = stored[patientId];
      const mine = records.filter((r) => r.patientId === patientId);
      expect(patient.recordCount).toBe(mine.length);
      expect(patient.records.map((r: any) => r.id).sort()).toEqual(mine.map((r) => r.recordId).sort());
      for (const record of patient.records) {
        expect(record.status).toBe('DONE');
        expect(record.entities).toHaveLength(record.entityCount);
        for (const e of record.entities) expect(record.text.slice(e.start, e.end)).toBe(e.text);
        entities += record.entityCount;
      }
      const timeline = patient.timeline as any[];
      for (let i = 0; i < timeline.length; i += 1) {
        const event = timeline[i];
        expect(event.record.text.slice(event.span.start, event.span.end)).toBe(event.span.text);
        expect(event.span).toEqual({ recordId: event.record.id, start: event.entity.start, end: event.entity.end, text: event.entity.text });
        expect(event.entity.type).not.toBe('ANATOMY');
        expect(event.time.start <= event.time.end).toBe(true);
        expect(event.undated).toBe(event.time.undated);
        if (event.undated) {
          // no linked TIMEX, or one that could not be resolved (e.g. UNKNOWN_YEAR)
          expect(event.timex === null || event.timex.interval === null).toBe(true);
          expect(event.time).toMatchObject({ start: event.record.recordedAt, end: event.record.recordedAt, precision: 'DAY' });
        } else {
          expect(event.timex.interval).toEqual({ start: event.time.start, end: event.time.end });
        }
        if (i > 0) expect(timeline[i - 1].time.start <= event.time.start).toBe(true);
      }
    }
    expect(final.entities).toBe(entities);
    const range = await gql(platform.url, `{ patient(id: "${firstPatient}") { timeline(from: "2020-01-02", to: "2020-01-01") { undated } } }`);
    expect(range.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(entities).toBeGreaterThan(0);
    expect(Object.values(stored).reduce((n, p: any) => n + p.timeline.length, 0)).toBeGreaterThan(0);

    // re-submitting the same records duplicates nothing
    const again = await gqlData<{ submitRecords: JobState }>(platform.url, SUBMIT, { records });
    const againEvents = await followToEnd(client, again.submitRecords.id);
    expectOrderedProgress(againEvents, records.length);
    const restored = await snapshot(platform.url, patientIds);
    const ids = (s: Record<string, any>): string[] =>
      Object.values(s).flatMap((p: any) => p.records.flatMap((r: any) => r.entities.map((e: any) => e.id))).sort();
    expect(ids(restored)).toEqual(ids(stored));
    expect(new Set(ids(restored)).size).toBe(ids(restored).length);
    for (const patientId of patientIds) {
      expect(restored[patientId].recordCount).toBe(stored[patientId].recordCount);
      expect(restored[patientId].timeline.length).toBe(stored[patientId].timeline.length);
    }
  });

  it('jobProgress of a finished job sends its final state and completes', async () => {
    const one = exampleRecords(uniqueId('done')).slice(0, 1);
    const { submitRecords: job } = await gqlData<{ submitRecords: JobState }>(platform.url, SUBMIT, { records: one });
    for (let status = job.status; !FINAL.has(status); await new Promise((resolve) => setTimeout(resolve, 100))) {
      status = (await gqlData<{ job: JobState }>(platform.url, `query ($id: ID!) { job(id: $id) { status } }`, { id: job.id })).job.status;
    }
    const events = await followToEnd(client, job.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.jobProgress.job).toMatchObject({ id: job.id, status: 'SUCCEEDED', done: job.total });
  });

  it('rejects invalid input with typed errors and changes nothing', async () => {
    const bad = uniqueId('bad');
    const ok = (over: Partial<ClinicalRecord> = {}): ClinicalRecord => ({
      patientId: `${bad}-p`, recordId: `${bad}-r1`, kind: 'ADMISSION', recordedAt: '2020-01-01', text: '患者女，因发现左乳肿物入院。', ...over,
    });
    const newest = async (): Promise<string | undefined> =>
      (await gqlData<{ jobs: { nodes: JobState[] } }>(platform.url, `{ jobs(first: 1) { nodes { id } } }`)).jobs.nodes[0]?.id;
    const before = await newest();

    const cases: Array<[string, ClinicalRecord[]]> = [
      ['EMPTY_TEXT', [ok(), ok({ recordId: `${bad}-r2`, text: '   ' })]],
      ['TEXT_TOO_LONG', [ok({ text: '癌'.repeat(2001) })]],
      ['INVALID_DATE', [ok({ recordedAt: '2018-02-30' })]],
      ['DUPLICATE_RECORD_ID', [ok(), ok()]],
      ['TOO_MANY_RECORDS', Array.from({ length: 51 }, (_, i) => ok({ recordId: `${bad}-r${i}` }))],
      ['TOO_MANY_RECORDS', []],
      ['BAD_USER_INPUT', [ok({ patientId: '' })]],
    ];
    for (const [code, input] of cases) {
      const result = await gql(platform.url, SUBMIT, { records: input });
      expect(result.errors?.[0]?.extensions?.['code'], code).toBe(code);
      expect(result.data ?? null).toBeNull();
    }
    const inline = await gql(platform.url, `mutation { submitRecords(records: [{ patientId: "${bad}-p", recordId: "${bad}-r9",
      kind: OTHER, recordedAt: "2019-02-29", text: "术后2年" }]) { id } }`);
    expect(inline.errors?.[0]?.extensions?.['code']).toBe('INVALID_DATE');
    for (const query of ['{ jobs(first: 0) { nodes { id } } }', '{ jobs(first: 5, after: "garbage") { nodes { id } } }',
      '{ entities(first: 101) { nodes { id } } }']) {
      expect((await gql(platform.url, query)).errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
    }
    const preview = await gql(platform.url, `{ extract(text: " ", recordedAt: "2020-01-01") { timexes { id } } }`);
    expect(preview.errors?.[0]?.extensions?.['code']).toBe('EMPTY_TEXT');

    // unknown ids: null for queries, NOT_FOUND for jobProgress
    expect(await gqlData(platform.url, `{ job(id: "${bad}") { id } patient(id: "${bad}-p") { id } record(id: "${bad}-r1") { id } }`))
      .toEqual({ job: null, patient: null, record: null });
    await expect(collect(client.iterate({ query: JOB_PROGRESS, variables: { jobId: bad } }))).rejects.toThrow(/NOT_FOUND|not found/);
    expect(await newest()).toBe(before);
  });

  it('previews extraction without storing anything', async () => {
    const text = '患者2018-03-13行左乳癌改良根治术，术后2年复查。';
    const { extract } = await gqlData<{ extract: any }>(platform.url,
      `query ($text: String!) { extract(text: $text, recordedAt: "2020-04-05") {
        model { name version }
        entities { type text start end timexId undated time { start end undated } }
        timexes { id localId recordId text kind value interval { start end } }
      } }`, { text });
    expect(extract.timexes.map((t: any) => [t.text, t.kind, t.value, t.recordId])).toEqual([
      ['2018-03-13', 'DATE', '2018-03-13', null],
      ['术后2年', 'EVENT_RELATIVE', 'P2Y', null],
    ]);
    expect(extract.timexes[0].interval).toEqual({ start: '2018-03-13', end: '2018-03-13' });
    for (const e of extract.entities) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      if (e.time) expect(e.time.undated).toBe(e.undated);
    }
  });
});

describe('platform killed mid-job', () => {
  it('finishes the job after a restart with every record stored exactly once', async () => {
    await (await testDriver()).close();
    const prefix = uniqueId('kill');
    // 40 records, one patient each, processed one at a time so the kill lands mid-job even on a fast machine
    const base = exampleRecords(prefix);
    const records: ClinicalRecord[] = Array.from({ length: 40 }, (_, i) => {
      const r = base[i % base.length]!;
      return { ...r, patientId: `${prefix}-p${i}`, recordId: `${prefix}-r${i}` };
    });
    const env = platformEnv({ JOB_CONCURRENCY: '1' });

    let platform = await startPlatformProcess(env);
    const { submitRecords } = await gqlData<{ submitRecords: JobState }>(platform.url, SUBMIT, { records });
    const jobId = submitRecords.id;
    for (;;) {
      const { job } = await gqlData<{ job: JobState }>(platform.url, `query ($id: ID!) { job(id: $id) { done status } }`, { id: jobId });
      if (job.done >= 1) {
        expect(job.done).toBeLessThan(records.length); // still mid-job
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await platform.kill('SIGKILL')).toBeNull();

    platform = await startPlatformProcess(env);
    const client = await wsClient(platform.wsUrl);
    try {
      const events = await followToEnd(client, jobId);
      const final = events.at(-1)!.jobProgress.job;
      expect(final).toMatchObject({ status: 'SUCCEEDED', total: records.length, done: records.length, failed: 0 });

      let entities = 0;
      const seen = new Set<string>();
      for (const record of records) {
        const { record: stored } = await gqlData<{ record: any }>(platform.url,
          `query ($id: ID!) { record(id: $id) { id status entityCount entities { id } patient { id recordCount } } }`, { id: record.recordId });
        expect(stored.status).toBe('DONE');
        expect(stored.entities).toHaveLength(stored.entityCount);
        expect(stored.patient).toEqual({ id: record.patientId, recordCount: 1 });
        for (const e of stored.entities) {
          expect(seen.has(e.id)).toBe(false);
          seen.add(e.id);
        }
        entities += stored.entityCount;
      }
      expect(final.entities).toBe(entities); // each record counted once, the interrupted one included
    } finally {
      await client.dispose();
      await platform.kill('SIGTERM');
    }
  }, 600_000);
});
