/**
 * Reliability (issue 18 § 7) of one running platform on its own embedded Neo4j:
 * - a seeded GraphQL fuzzer generated from the schema (a few hundred cases; 10,000 with RELIABILITY=long);
 * - query-abuse cases from the issue (depth-15 patient→records→…, 1,100 aliases, fragment cycles, oversize and
 *   malformed bodies, a call over the character budget, lone surrogates, a job cancelled mid-way);
 * - slow subscribers (half of them never read until the job is over).
 * Each asserts: no crash, no 5xx and no INTERNAL_SERVER_ERROR, no data lost or stored twice, no change on rejection,
 * no record text or stack trace in any error or log line. Counts go to bench/tmp/reliability/*.json.
 */
import 'reflect-metadata';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { createApiPubSub } from '../../src/api/topics.js';
import type { ClinicalRecord } from '../../src/domain/record.js';
import { exampleRecords } from '../e2e/helpers/e2e-fixtures.js';
import { uniqueId } from '../helpers/neo4j.js';
import { GraphQLFuzzer, type CaseKind } from './helpers/graphql-fuzzer.js';
import { Violations } from './helpers/invariants.js';
import { LONG, report, size } from './helpers/mode.js';
import { startReliabilityPlatform, waitForFinalJob, type ReliabilityPlatform } from './helpers/reliability-platform.js';

const SUBMIT = `mutation ($r: [RecordInput!]!) { submitRecords(records: $r) { id status total } }`;
const RECORD = `query ($id: ID!) { record(id: $id) { id patientId status entityCount entities { id } } }`;
const FINAL = ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'];

let platform: ReliabilityPlatform;
/** Set when the platform exits before afterAll stops it: a crash. */
let crashed = false;
let stopping = false;
const seedPrefix = uniqueId('rel');
const seed = exampleRecords(seedPrefix);
const texts = seed.map((r) => r.text);
const watch = new Violations(texts);

beforeAll(async () => {
  platform = await startReliabilityPlatform({
    MAX_RECORD_CHARS: '2000', MAX_RECORDS_PER_CALL: '20', MAX_CHARS_PER_CALL: '20000',
  });
  void platform.exited.then(() => {
    if (!stopping) crashed = true;
  });
  const res = await platform.gql(SUBMIT, { r: seed });
  expect(res.errors).toBeUndefined();
  expect((await waitForFinalJob(platform, res.data.submitRecords.id)).status).toBe('SUCCEEDED');
}, 400_000);

afterAll(async () => {
  if (!platform) return;
  expect(crashed).toBe(false);
  stopping = true;
  const code = await platform.kill('SIGTERM');
  watch.log(platform.output());
  expect(code).toBe(0);
  expect(watch.summary()).toEqual({ http5xx: 0, internalErrors: 0, notJson: 0, stackTraces: 0, textInErrors: 0, textInLog: 0 });
}, 120_000);

describe('reliability: fuzzing', { timeout: LONG ? 3_600_000 : 600_000 }, () => {
  it(`survives ${size(300, 10_000)} generated requests with every invariant intact`, async () => {
    const schema = await buildApiSchema(createApiPubSub());
    const prefix = uniqueId('fz');
    const jobIds: string[] = [];
    const fuzzer = new GraphQLFuzzer(schema, 20_181_218, { prefix, texts, jobIds: () => jobIds });
    const cases = size(300, 10_000);
    const kinds: Partial<Record<CaseKind, number>> = {};
    const statuses: Record<string, number> = {};
    const accepted = new Map<string, Array<{ patientId: string; recordId: string }>>();
    const acceptedIds = new Set<string>();
    const rejectedIds = new Set<string>();
    const codes: Record<string, number> = {};
    const started = performance.now();
    for (let i = 0; i < cases; i += 4) {
      const batch = Array.from({ length: Math.min(4, cases - i) }, () => fuzzer.next());
      await Promise.all(batch.map(async (c) => {
        kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
        const res = await platform.send(c.body, c.contentType);
        statuses[String(res.status)] = (statuses[String(res.status)] ?? 0) + 1;
        const body = watch.response(c.label, res.status, res.contentType, res.text) as any;
        for (const e of body?.errors ?? []) codes[e.extensions?.code ?? 'none'] = (codes[e.extensions?.code ?? 'none'] ?? 0) + 1;
        if (c.kind === 'submit' && c.records) {
          const id = body?.data?.submitRecords?.id as string | undefined;
          if (id) {
            jobIds.push(id);
            accepted.set(id, c.records);
            for (const r of c.records) acceptedIds.add(r.recordId);
          } else {
            for (const r of c.records) rejectedIds.add(r.recordId);
          }
        }
      }));
    }
    const requestMs = performance.now() - started;
    expect((await fetch(platform.url.replace('/graphql', '/healthz'))).status).toBe(200); // no crash

    // every accepted job ends; nothing a rejected call named was stored; nothing lost or stored twice
    let lost = 0;
    let duplicated = 0;
    let failedRecords = 0;
    let changedOnRejection = 0;
    const final: Record<string, number> = {};
    for (const [jobId, records] of accepted) {
      const job = await waitForFinalJob(platform, jobId);
      final[job?.status ?? 'unfinished'] = (final[job?.status ?? 'unfinished'] ?? 0) + 1;
      if (!job || !FINAL.includes(job.status)) lost += records.length;
      else if (job.done + job.cancelled !== job.total) lost += job.total - job.done - job.cancelled;
    }
    for (const recordId of new Set([...acceptedIds, ...rejectedIds])) {
      const stored = (await platform.gql(RECORD, { id: recordId })).data?.record;
      if (!acceptedIds.has(recordId)) {
        if (stored) changedOnRejection += 1;
        continue;
      }
      if (!stored) continue; // only a cancelled, never-processed record may be absent (counted via job.cancelled)
      if (stored.status === 'FAILED') failedRecords += 1;
      if (stored.status === 'QUEUED') lost += 1;
      const ids = stored.entities.map((e: { id: string }) => e.id);
      if (ids.length !== stored.entityCount || new Set(ids).size !== ids.length) duplicated += 1;
    }
    const counts = {
      cases, crashes: crashed ? 1 : 0, requestMs: Math.round(requestMs), ...prefixKeys('kind', kinds), ...prefixKeys('http', statuses),
      acceptedJobs: accepted.size, ...prefixKeys('job', final), recordsChecked: acceptedIds.size + rejectedIds.size,
      lost, duplicated, failedRecords, changedOnRejection, ...watch.summary(), ...prefixKeys('code', codes),
    };
    report('fuzz', counts);
    expect(watch.examples).toEqual([]);
    expect({ lost, duplicated, failedRecords, changedOnRejection }).toEqual({ lost: 0, duplicated: 0, failedRecords: 0, changedOnRejection: 0 });
    expect(statuses['500'] ?? 0).toBe(0);
  });
});

describe('reliability: query abuse', { timeout: 300_000 }, () => {
  const patientId = seed[0]!.patientId; // has several stored records

  it('the depth-15 patient→records→patient… query gets QUERY_TOO_DEEP in milliseconds', async () => {
    let inner = 'id';
    for (let i = 0; i < 14; i += 1) inner = i % 2 === 0 ? `patient { ${inner} }` : `records { ${inner} }`;
    const started = performance.now();
    const res = await platform.send(JSON.stringify({ query: `{ patient(id: "${patientId}") { ${inner} } }` }));
    const ms = performance.now() - started;
    const body = watch.response('depth-15', res.status, res.contentType, res.text) as any;
    expect(res.status).toBe(400);
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
    expect(ms).toBeLessThan(1000);
    report('depth-15', { ms: Math.round(ms), status: res.status });
  });

  it.each([
    ['1,100 extract aliases', `{ ${Array.from({ length: 1100 }, (_, i) => `p${i}: extract(text: "复查", recordedAt: "2020-01-01") { model { name } }`).join(' ')} }`],
    ['a fragment cycle', 'query Q { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['nested lists 13 deep', `{ patient(id: "${patientId}") { ${'records { patient { '.repeat(6)} id ${'} } '.repeat(6)} } }`],
    ['50 directives', `{ __typename ${'@include(if: true) '.repeat(50)} }`],
  ])('%s → 400 before anything runs', async (label, query) => {
    const res = await platform.send(JSON.stringify({ query }));
    watch.response(label, res.status, res.contentType, res.text);
    expect(res.status).toBe(400);
  });

  it('malformed and oversize bodies get JSON errors, and the log never sees the body', async () => {
    for (const [label, body, status] of [
      ['trailing comma', `{"query":"{ __typename }","variables":{"t":${JSON.stringify(texts[0])}},}`, 400],
      ['10 MB body', JSON.stringify({ query: '{ __typename }', variables: { t: texts[0]!.repeat(40_000) } }), 413],
    ] as const) {
      const res = await platform.send(body);
      watch.response(label, res.status, res.contentType, res.text);
      expect(res.status).toBe(status);
      expect(res.contentType).toMatch(/json/);
    }
    watch.log(platform.output());
    expect(watch.counts.textInLog).toBe(0);
  });

  it('a call over the character budget is rejected whole (TOO_MANY_CHARS) and stores nothing', async () => {
    const records: ClinicalRecord[] = Array.from({ length: 15 }, (_, i) => ({ ...seed[i % seed.length]!, recordId: uniqueId('big'), text: texts[0]!.repeat(8).slice(0, 1900) }));
    const res = await platform.gql(SUBMIT, { r: records });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_CHARS');
    expect((await platform.gql(RECORD, { id: records[0]!.recordId })).data?.record).toBeNull();
  });

  it('ids with lone surrogates are rejected, not merged into one patient', async () => {
    const base = uniqueId('sur');
    const res = await platform.gql(SUBMIT, { r: [{ ...seed[0]!, patientId: `${base}\uD800`, recordId: `${base}-a` }, { ...seed[1]!, patientId: `${base}\uD801`, recordId: `${base}-b` }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions?.['problems'] as unknown[]).length).toBe(2);
    const query = await platform.gql(`query ($id: ID!) { patient(id: $id) { id } }`, { id: `${base}\uD800` });
    expect(query.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['entities', `query ($c: String) { entities(first: 5, after: $c) { nodes { id } } }`],
    ['jobs', `query ($c: String) { jobs(first: 5, after: $c) { nodes { id } } }`],
    ['patients', `query ($c: String) { patients(first: 5, after: $c) { nodes { id } } }`],
    ['cohort', `query ($c: String) { cohort(criteria: { event: { type: DISEASE } }, first: 5, after: $c) { count } }`],
  ])('a garbage %s cursor → BAD_USER_INPUT (before: an empty page), never echoed', async (label, query) => {
    // ('' is taken as no cursor, the first page, by all four; patient cursors are base64 of any patient id.)
    const cursors = ['@@@', 'garbage-cursor-xyz', 'eyJpZCI6MX0='];
    const answers: Record<string, string> = {};
    for (const cursor of cursors) {
      const res = await platform.send(JSON.stringify({ query, variables: { c: cursor } }));
      const body = watch.response(`cursor ${label}`, res.status, res.contentType, res.text) as any;
      answers[cursor] = body.data ? 'a page' : (body.errors ?? []).map((e: any) => e.extensions?.code).join(',');
      if (cursor.length > 3) expect(res.text).not.toContain(cursor);
    }
    expect(answers).toEqual(Object.fromEntries(cursors.map((c) => [c, 'BAD_USER_INPUT'])));
  });

  it('a large job can be cancelled: CANCELLED, the rest dropped, nothing comes back', async () => {
    const records = Array.from({ length: 20 }, (_, i) => ({ ...seed[i % seed.length]!, patientId: uniqueId('cp'), recordId: uniqueId('cr'), text: texts[i % texts.length]!.slice(0, 900) }));
    const submitted = await platform.gql(SUBMIT, { r: records });
    const jobId = submitted.data.submitRecords.id as string;
    const cancelled = await platform.gql(`mutation ($id: ID!) { cancelJob(id: $id) { status cancelled } }`, { id: jobId });
    expect(cancelled.errors).toBeUndefined();
    const job = await waitForFinalJob(platform, jobId, 60_000);
    expect(job.status).toBe('CANCELLED');
    expect(job.done + job.cancelled).toBe(20);
    expect(job.failed).toBe(0);
    const unknown = await platform.gql(`mutation { cancelJob(id: "no-such-job") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('reliability: slow subscribers', { timeout: 300_000 }, () => {
  it(`${size(200, 1000)} subscribers, half of them stalled, all get the final state`, async () => {
    const subscribers = size(200, 1000);
    const perConnection = 25;
    const records = Array.from({ length: 20 }, (_, i) => ({ ...seed[i % seed.length]!, patientId: uniqueId('sp'), recordId: uniqueId('sr'), text: texts[i % texts.length]!.slice(0, 600) }));
    const jobId = (await platform.gql(SUBMIT, { r: records })).data.submitRecords.id as string;
    const sockets: Array<{ ws: WebSocket; finals: number; paused: boolean }> = [];
    for (let c = 0; c < subscribers / perConnection; c += 1) {
      const ws = new WebSocket(platform.wsUrl, 'graphql-transport-ws');
      const entry = { ws, finals: 0, paused: c % 2 === 1 };
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; payload?: any };
        if (message.type === 'next' && FINAL.includes(message.payload?.data?.jobProgress?.job?.status)) entry.finals += 1;
      });
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => ws.once('message', resolve)); // connection_ack
      for (let s = 0; s < perConnection; s += 1) {
        ws.send(JSON.stringify({ id: String(s), type: 'subscribe', payload: { query: 'subscription ($id: ID!) { jobProgress(jobId: $id) { job { status done } } }', variables: { id: jobId } } }));
      }
      if (entry.paused) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      sockets.push(entry);
    }
    const job = await waitForFinalJob(platform, jobId);
    expect(job.status).toBe('SUCCEEDED');
    for (const s of sockets) if (s.paused) (s.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const deadline = Date.now() + 60_000;
    while (sockets.some((s) => s.finals < perConnection) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const delivered = sockets.reduce((n, s) => n + s.finals, 0);
    for (const s of sockets) s.ws.close();
    report('slow-subscribers', { subscribers, stalled: subscribers / 2, finalStatesDelivered: delivered });
    expect(delivered).toBe(subscribers);
  });
});

function prefixKeys(prefix: string, counts: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}_${k}`, v ?? 0]));
}
