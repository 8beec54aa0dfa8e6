/**
 * Access control over a real server, real HTTP and real WebSockets (stub services: no Neo4j, no model): each role's
 * allowed and denied operations, unauthenticated callers refused, denied calls changing nothing, the WebSocket
 * `Origin` allow-list (cross-site WebSocket hijacking), the per-connection operation cap, and the audit log (ids,
 * never text).
 */
import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sha256Hex } from '../../src/auth/keys.js';
import type { AccessConfig } from '../../src/config/config.js';
import type { JobView } from '../../src/jobs/job.types.js';
import { startStubServer, type StubServer } from './helpers/stub-server.js';

const KEYS = { clinician: 'clin-key-0123456789abcdef', researcher: 'res-key-0123456789abcdef', admin: 'admin-key-0123456789abcdef' };
const ACCESS: AccessConfig = {
  keys: [
    { name: 'ward-3', role: 'clinician', sha256: sha256Hex(KEYS.clinician) },
    { name: 'study-7', role: 'researcher', sha256: sha256Hex(KEYS.researcher) },
    { name: 'ops', role: 'admin', sha256: sha256Hex(KEYS.admin) },
  ],
  allowedOrigins: null,
  maxSubscriptionsPerConnection: 3,
};
const TEXT = '患者女，52岁'; // the stub records' text starts with this
const JOB: JobView = {
  id: 'job-1', total: 1, done: 0, failed: 0, cancelled: 0, entities: 0, errors: [], status: 'QUEUED',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', finishedAt: null,
};
const SUBMIT = 'mutation { submitRecords(records: [{ recordId: "N1-R1", patientId: "N1", kind: PROGRESS, recordedAt: "2020-01-01", text: "复查" }]) { id } }';

type Role = keyof typeof KEYS;

describe('access control', () => {
  let api: StubServer;
  const calls = { submit: 0, cancel: 0, preview: 0 };
  const bearer = (role: Role): Record<string, string> => ({ authorization: `Bearer ${KEYS[role]}` });
  const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

  beforeAll(async () => {
    api = await startStubServer({
      access: ACCESS,
      services: {
        jobs: {
          submit: async () => (calls.submit += 1, JOB),
          cancel: async () => (calls.cancel += 1, JOB),
          get: async (id: string) => (id === JOB.id ? JOB : null),
          list: async () => ({ items: [JOB], endCursor: null, hasNextPage: false }),
        },
        preview: { preview: async () => (calls.preview += 1, { entities: [], timexes: [], stages: [] }) as never },
      },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('over HTTP', () => {
    it('refuses a request without a key or with a wrong one: 401 UNAUTHENTICATED, nothing runs', async () => {
      for (const headers of [{}, { authorization: 'Bearer not-a-key' }, { authorization: 'Basic b3BzOm9wcw==' }] as Array<Record<string, string>>) {
        const res = await api.post({ query: SUBMIT }, headers);
        expect(res.status).toBe(401);
        expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
      }
      expect(calls.submit).toBe(0);
    });

    it('lets a clinician read records with their text, submit, cancel, preview and follow jobs', async () => {
      const read = await api.post({ query: '{ patient(id: "P1") { id records { id text } } record(id: "P2-R1") { text } }' }, bearer('clinician'));
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data.patient.records[0].text).toContain(TEXT);
      expect(read.body.data.record.text).toContain(TEXT);
      const before = { ...calls };
      for (const query of [SUBMIT, 'mutation { cancelJob(id: "job-1") { id } }', '{ extract(text: "复查", recordedAt: "2020-01-01") { entities { type } } }', '{ jobs { nodes { id } } job(id: "job-1") { id } }']) {
        const res = await api.post({ query }, bearer('clinician'));
        expect(res.body.errors, query).toBeUndefined();
      }
      expect(calls).toEqual({ submit: before.submit + 1, cancel: before.cancel + 1, preview: before.preview + 1 });
    });

    it('lets a researcher read structure and entities, never record text', async () => {
      const ok = await api.post({ query: '{ patient(id: "P1") { id records { id kind recordedAt entityCount } } entities(first: 5) { nodes { id text } } }' }, bearer('researcher'));
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.patient.records).toHaveLength(5);

      const text = await api.post({ query: '{ record(id: "P1-R0") { id text } }' }, bearer('researcher'));
      expect(text.body.data.record).toBeNull();
      expect(text.body.errors).toHaveLength(1);
      expect(text.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', role: 'researcher', field: 'Record.text', needs: ['readText'] });
      expect(text.text).not.toContain(TEXT);
      const nested = await api.post({ query: '{ patient(id: "P1") { records { text } } }' }, bearer('researcher'));
      expect(codes(nested.body)).toContain('FORBIDDEN');
      expect(nested.text).not.toContain(TEXT);
    });

    it('denies a researcher submissions, cancellations, previews and jobs with FORBIDDEN, changing nothing', async () => {
      const before = { ...calls };
      for (const [query, field] of [
        [SUBMIT, 'Mutation.submitRecords'],
        ['mutation { cancelJob(id: "job-1") { id } }', 'Mutation.cancelJob'],
        ['{ extract(text: "复查", recordedAt: "2020-01-01") { entities { type } } }', 'Query.extract'],
        ['{ jobs { nodes { id } } }', 'Query.jobs'],
      ] as const) {
        const res = await api.post({ query }, bearer('researcher'));
        expect(res.status).toBe(200);
        expect(res.body.data).toBeNull();
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', role: 'researcher', field });
      }
      expect(calls).toEqual(before);
    });

    it('lets an admin do everything', async () => {
      for (const query of ['{ record(id: "P1-R0") { text } }', SUBMIT, '{ extract(text: "复查", recordedAt: "2020-01-01") { entities { type } } }', '{ jobs { nodes { id } } }']) {
        expect((await api.post({ query }, bearer('admin'))).body.errors, query).toBeUndefined();
      }
    });

    it('writes one audit line per operation with key, role, operation and patient ids, never text', async () => {
      api.logs.length = 0;
      await api.post({ query: 'query Chart { patient(id: "P7") { records { id text } } record(id: "P8-R0") { id } }' }, bearer('clinician'));
      await api.post({ query: '{ patient(id: "P9") { id records { id } } }' }, bearer('researcher'));
      await api.post({ query: '{ record(id: "P5-R0") { text } }' }, bearer('researcher')); // denied field: the record itself was read
      await api.post({ query: SUBMIT }, bearer('admin'));
      await api.post({ query: '{ jobs { nodes { id } } }' }, bearer('admin')); // no patient: no line
      const audit = api.logs.filter((line) => line.startsWith('audit ')).map((line) => JSON.parse(line.slice(6)));
      expect(audit).toEqual([
        { key: 'ward-3', role: 'clinician', operation: 'query Chart', patients: ['P7', 'P8'] },
        { key: 'study-7', role: 'researcher', operation: 'query patient', patients: ['P9'] },
        { key: 'study-7', role: 'researcher', operation: 'query record', patients: ['P5'] },
        { key: 'ops', role: 'admin', operation: 'mutation submitRecords', patients: ['N1'] },
      ]);
      expect(api.logs.join('\n')).not.toContain(TEXT);
      expect(api.logs.join('\n')).not.toContain('复查');
    });
  });

  describe('over WebSocket', () => {
    const wsUrl = (): string => api.url.replace(/^http/, 'ws');
    const clients: Client[] = [];
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.dispose()));
    });
    const connect = (authorization?: string): Client => {
      const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...(authorization ? { connectionParams: { authorization } } : {}) });
      clients.push(client);
      return client;
    };
    const once = (client: Client, query: string): Promise<any> =>
      new Promise((resolve) => {
        client.subscribe({ query }, { next: (value) => resolve(value), error: (error) => resolve({ closed: error }), complete: () => undefined });
      });

    it('closes a connection without a valid key in connection_init with 4401', async () => {
      for (const authorization of [undefined, 'Bearer not-a-key']) {
        const result = await once(connect(authorization), '{ record(id: "P1-R0") { text } }');
        expect((result.closed as { code: number }).code).toBe(4401);
      }
    });

    it('applies the role to queries and subscriptions', async () => {
      const clinician = await once(connect(`Bearer ${KEYS.clinician}`), '{ record(id: "P1-R0") { text } }');
      expect(clinician.data.record.text).toContain(TEXT);
      const researcher = connect(`Bearer ${KEYS.researcher}`);
      const text = await once(researcher, '{ record(id: "P1-R0") { text } }');
      expect(text.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(JSON.stringify(text)).not.toContain(TEXT);
      const jobs = await once(researcher, 'subscription { jobProgress(jobId: "job-1") { job { id } } }');
      expect(jobs.errors?.[0]?.extensions?.code ?? jobs.closed).toBe('FORBIDDEN');
      const allowed = await once(connect(`Bearer ${KEYS.clinician}`), 'subscription { jobProgress(jobId: "job-1") { job { id status } } }');
      expect(allowed.data.jobProgress.job).toEqual({ id: 'job-1', status: 'QUEUED' });
    });

    it('refuses an upgrade from a foreign Origin (cross-site WebSocket hijacking) and allows its own and none', async () => {
      const port = new URL(api.url).port;
      const upgrade = (origin?: string): Promise<number> =>
        new Promise((resolve) => {
          const ws = new WebSocket(wsUrl(), 'graphql-transport-ws', origin ? { origin } : {});
          ws.once('open', () => (ws.close(), resolve(101)));
          ws.once('unexpected-response', (_req, res) => (resolve(res.statusCode ?? 0), ws.terminate()));
          ws.once('error', () => undefined);
        });
      api.logs.length = 0;
      expect(await upgrade('http://evil.example')).toBe(403);
      expect(await upgrade(`http://evil.example:${port}`)).toBe(403); // DNS rebinding: same port, foreign name
      expect(await upgrade(`http://127.0.0.1:${port}`)).toBe(101);
      expect(await upgrade(`http://localhost:${port}`)).toBe(101);
      expect(await upgrade(undefined)).toBe(101);
      expect(api.logs.filter((l) => l.includes('origin not allowed'))).toHaveLength(2);
    });

    it('caps the operations of one connection (TOO_MANY_SUBSCRIPTIONS), and frees a slot when one completes', async () => {
      const ws = new WebSocket(wsUrl(), 'graphql-transport-ws');
      const messages: any[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data))));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${KEYS.admin}` } }));
      await waitFor(() => messages.some((m) => m.type === 'connection_ack'));
      const subscribe = (id: string): void => ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { extractionEvents { job { id } } }' } }));
      for (const id of ['1', '2', '3', '4']) subscribe(id);
      await waitFor(() => messages.some((m) => m.id === '4'));
      expect(messages.filter((m) => m.type === 'error').map((m) => [m.id, m.payload[0].extensions.code])).toEqual([['4', 'TOO_MANY_SUBSCRIPTIONS']]);
      ws.send(JSON.stringify({ id: '1', type: 'complete' }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      subscribe('5');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(messages.filter((m) => m.id === '5')).toEqual([]); // accepted: running, nothing to say yet
      ws.close();
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
