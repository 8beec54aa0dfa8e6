/**
 * Query limits (issue 18 § 2): a deep `patient → records → patient → …` document (the one that grew the heap to
 * 3.7 GB and killed node) is rejected before anything runs, in milliseconds, with a typed code; so are alias floods,
 * costly, directive-heavy and token-heavy documents, over HTTP and over WebSocket. Every operation of
 * `examples/queries.graphql` stays well inside the limits.
 */
import { readFileSync } from 'node:fs';
import { parse, separateOperations, print, validate } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { queryLimitRules } from '../../src/api/server/query-limits.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { createApiPubSub } from '../../src/api/topics.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/server.js';
import { deepPatientQuery, startStubServer, type StubServer } from './helpers/stub-server.js';

let api: StubServer;
beforeAll(async () => {
  api = await startStubServer({ recordsPerPatient: 5 });
});
afterAll(async () => {
  await api?.close();
});

const codes = (body: any): string[] => (body?.errors ?? []).map((e: any) => e.extensions?.code);

describe('query limits over HTTP', () => {
  it('rejects the depth-15 patient→records→patient… query with QUERY_TOO_DEEP in milliseconds', async () => {
    const query = deepPatientQuery(15);
    await api.post({ query: '{ __typename }' }); // warm up the connection and Apollo's caches
    const started = performance.now();
    const res = await api.post({ query });
    const ms = performance.now() - started;
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['QUERY_TOO_DEEP']);
    expect(res.body.errors[0].extensions).toMatchObject({ limit: DEFAULT_QUERY_LIMITS.maxDepth });
    expect(res.body.errors[0].extensions.found).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxDepth);
    expect(res.body.data).toBeUndefined();
    expect(ms).toBeLessThan(500); // measured: a few ms; generous for a loaded CI machine
  });

  it('runs the same query at an allowed depth', async () => {
    const res = await api.post({ query: deepPatientQuery(8) });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it.each([
    ['TOO_MANY_ALIASES', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: job(id: "j") { id }`).join(' ')} }`],
    ['TOO_MANY_DIRECTIVES', `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: __typename @include(if: true) @skip(if: false)`).join(' ')} }`],
    ['TOO_MANY_TOKENS', `{ ${'__typename '.repeat(2100)} }`],
    ['QUERY_TOO_COSTLY', `{ entities(first: 100) { nodes { id text start end time { start end precision approx undated } record { id text kind recordedAt status } } } }`],
  ])('rejects %s', async (code, query) => {
    const res = await api.post({ query });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain(code);
    expect(res.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d/);
  });

  it('rejects 1,100 aliased extract previews before any of them runs', async () => {
    const query = `{ ${Array.from({ length: 1100 }, (_, i) => `p${i}: extract(text: "复查", recordedAt: "2020-01-01") { model { name } }`).join(' ')} }`;
    const res = await api.post({ query });
    expect(res.status).toBe(400);
    expect(codes(res.body).some((c) => c === 'TOO_MANY_TOKENS' || c === 'TOO_MANY_ALIASES')).toBe(true);
  });

  it('does not suggest field names', async () => {
    const res = await api.post({ query: '{ jobz { id } }' });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('Did you mean');
  });

  it('caps the list items one operation returns with RESULT_TOO_LARGE', async () => {
    const small = await startStubServer({ recordsPerPatient: 5, query: { maxResultItems: 12 } });
    try {
      const ok = await small.post({ query: '{ a: patient(id: "P1") { records { id } } b: patient(id: "P2") { records { id } } }' });
      expect(ok.body.errors).toBeUndefined();
      const res = await small.post({ query: '{ a: patient(id: "P1") { records { id } } b: patient(id: "P2") { records { id } } c: patient(id: "P3") { records { id } } }' });
      expect(res.status).toBe(200);
      expect(codes(res.body)).toContain('RESULT_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});

describe('query limits over WebSocket', () => {
  it('rejects a too-deep subscription with QUERY_TOO_DEEP', async () => {
    const client = createClient({ url: api.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      let inner = 'id';
      for (let i = 0; i < 7; i += 1) inner = `records { patient { ${inner} } }`;
      const errors = await new Promise<any[]>((resolve) => {
        client.subscribe({ query: `subscription { patientTimelineUpdated(patientId: "P1") { patient { ${inner} } } }` }, {
          next: () => undefined,
          error: (e) => resolve(e as any[]),
          complete: () => resolve([]),
        });
      });
      expect(errors.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
    } finally {
      await client.dispose();
    }
  });
});

describe('examples/queries.graphql', () => {
  it('every operation passes the default limits', async () => {
    const schema = await buildApiSchema(createApiPubSub());
    const operations = separateOperations(parse(readFileSync(new URL('../../examples/queries.graphql', import.meta.url), 'utf8')));
    const rules = queryLimitRules(DEFAULT_QUERY_LIMITS); // schema validity: test/e2e/examples.test.ts
    for (const [name, document] of Object.entries(operations)) {
      expect({ name, errors: validate(schema, parse(print(document)), rules).map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });
});
