/**
 * An in-process GraphQL server over stub services (no Neo4j, no model) for API-surface tests: every patient has
 * `recordsPerPatient` records, each record belongs to its patient, and every call is logged.
 *
 * @example
 *   const api = await startStubServer({ recordsPerPatient: 5 });
 *   await api.post({ query: '{ patient(id: "P1") { records { id } } }' })   // { status: 200, body: { data: … } }
 *   await api.close();
 */
import 'reflect-metadata';
import type { AccessConfig, QueryLimitsConfig } from '../../../src/config/config.js';
import { buildApiSchema } from '../../../src/api/schema.js';
import type { ApiServices } from '../../../src/api/services.js';
import { createApiPubSub } from '../../../src/api/topics.js';
import type { RecordView } from '../../../src/graph/graph.types.js';
import { DEFAULT_QUERY_LIMITS, startServer, type PlatformServer } from '../../../src/server.js';

export interface StubServer {
  readonly server: PlatformServer;
  readonly url: string;
  readonly logs: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; type: string | null; text: string; body: any }>;
  close(): Promise<void>;
}

export function stubRecord(patientId: string, i: number): RecordView {
  return {
    id: `${patientId}-R${i}`, patientId, kind: 'PROGRESS', recordedAt: '2020-01-01', text: '患者女，52岁，因发现左乳肿物3月余入院。',
    status: 'DONE', entityCount: 0, timexCount: 0, modelName: null, modelVersion: null, processedAt: null,
  } as unknown as RecordView;
}

export async function startStubServer(options: { recordsPerPatient?: number; query?: Partial<QueryLimitsConfig>; services?: Partial<ApiServices>; access?: AccessConfig } = {}): Promise<StubServer> {
  const n = options.recordsPerPatient ?? 5;
  const pubsub = createApiPubSub();
  const logs: string[] = [];
  const records = (patientId: string): RecordView[] => Array.from({ length: n }, (_, i) => stubRecord(patientId, i));
  const reads = {
    patientsByIds: async (ids: readonly string[]) => ids.map((id) => ({ id, recordCount: n, firstRecordedAt: '2020-01-01', lastRecordedAt: '2020-01-01' })),
    recordsByIds: async (ids: readonly string[]) => ids.map((id) => stubRecord(id.split('-R')[0]!, Number(id.split('-R')[1] ?? 0))),
    recordsByPatientIds: async (ids: readonly string[]) => ids.map(records),
    entitiesByRecordIds: async (ids: readonly string[]) => ids.map(() => []),
    timexesByIds: async (ids: readonly string[]) => ids.map(() => null),
    timexesByRecordIds: async (ids: readonly string[]) => ids.map(() => []),
    termsByIds: async (ids: readonly string[]) => ids.map(() => null),
    conceptsByIds: async (ids: readonly string[]) => ids.map(() => null),
    timeline: async () => [],
    searchEntities: async () => ({ items: [], endCursor: null, hasNextPage: false }),
  };
  const services = {
    jobs: {
      submit: async () => { throw new Error('stub: submit not used'); },
      get: async () => null,
      list: async () => ({ items: [], endCursor: null, hasNextPage: false }),
      cancel: async () => { throw new Error('stub: cancel not used'); },
    },
    reads,
    preview: { preview: async () => { throw new Error('stub: preview not used'); } },
    limits: { maxRecordChars: 100, maxRecordsPerCall: 5, maxCharsPerCall: 300 },
    ...options.services,
  } as unknown as ApiServices;
  const server = await startServer({
    schema: await buildApiSchema(pubsub), services, pubsub, host: '127.0.0.1', port: 0,
    query: { ...DEFAULT_QUERY_LIMITS, ...options.query }, log: (m) => logs.push(m),
    ...(options.access ? { access: options.access } : {}),
  });
  return {
    server,
    url: server.url,
    logs,
    async post(body, headers = {}) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: res.status, type: res.headers.get('content-type'), text, body: parsed };
    },
    close: () => server.close(),
  };
}

/** `patient(id) { records { patient { records { … id } } } }`, `levels` fields deep. */
export function deepPatientQuery(levels: number): string {
  let inner = 'id';
  for (let level = levels - 1; level >= 1; level -= 1) inner = level % 2 === 1 ? `patient { ${inner} }` : `records { ${inner} }`;
  return `{ patient(id: "P1") { records { ${inner} } } }`;
}
