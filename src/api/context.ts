/**
 * The per-operation GraphQL context: the services, the pubsub, and fresh DataLoaders.
 *
 * Loaders are built per HTTP request (and per subscription operation) so caching never outlives one operation;
 * subscription resolvers call `loaders.clearAll()` before resolving each event so every event reads fresh data.
 * Every nested field that reads Neo4j goes through one of these, so a query costs one round trip per loader level,
 * independent of how many records or events it touches.
 */
import DataLoader from 'dataloader';
import type { CoalescingPubSub } from './coalescing-pubsub.js';
import type { EntityNode } from './entity.type.js';
import type { RecordNode } from './record.type.js';
import type { ApiServices, ReadsPort } from './services.js';
import type { TimexNode } from './timex.type.js';

export interface Loaders {
  patient: DataLoader<string, { id: string } | null>;
  record: DataLoader<string, RecordNode | null>;
  recordsByPatient: DataLoader<string, RecordNode[]>;
  entitiesByRecord: DataLoader<string, EntityNode[]>;
  timex: DataLoader<string, TimexNode | null>;
  timexesByRecord: DataLoader<string, TimexNode[]>;
  clearAll(): void;
}

export interface ApiContext {
  services: ApiServices;
  pubsub: CoalescingPubSub;
  loaders: Loaders;
}

export function createContext(services: ApiServices, pubsub: CoalescingPubSub): ApiContext {
  return { services, pubsub, loaders: createLoaders(services.reads) };
}

export function createLoaders(reads: ReadsPort): Loaders {
  const loaders = {
    patient: new DataLoader<string, { id: string } | null>(async (ids) => byId(ids, await reads.patientsByIds(ids))),
    record: new DataLoader<string, RecordNode | null>(async (ids) => byId(ids, await reads.recordsByIds(ids))),
    recordsByPatient: new DataLoader<string, RecordNode[]>(async (ids) =>
      groupBy(ids, await reads.recordsByPatientIds(ids), (r) => r.patientId),
    ),
    entitiesByRecord: new DataLoader<string, EntityNode[]>(async (ids) =>
      groupBy(ids, await reads.entitiesByRecordIds(ids), (e) => e.recordId),
    ),
    timex: new DataLoader<string, TimexNode | null>(async (ids) => byId(ids, await reads.timexesByIds(ids))),
    timexesByRecord: new DataLoader<string, TimexNode[]>(async (ids) =>
      groupBy(ids, await reads.timexesByRecordIds(ids), (t) => t.recordId),
    ),
  };
  return {
    ...loaders,
    clearAll() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

/** Rows in key order; a key without a row → null (DataLoader requires one result per key, same order). */
function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): Array<T | null> {
  const index = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => index.get(id) ?? null);
}

/** Rows grouped per key, in key order, keeping the repository's row order inside each group. */
function groupBy<T>(ids: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
