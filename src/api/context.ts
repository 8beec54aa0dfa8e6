/**
 * The per-operation GraphQL context: the services, the pubsub, and fresh DataLoaders.
 *
 * Loaders are built per HTTP request (and per subscription operation) so caching never outlives one operation;
 * subscription resolvers call `loaders.clearAll()` before resolving each event so every event reads fresh data.
 * Every nested field that reads Neo4j goes through one of these, so a query costs one round trip per loader level,
 * independent of how many records or events it touches.
 */
import DataLoader from 'dataloader';
import type {
  ConceptView, EntityView, PatientView, RecordView, TermView, TimelineEvent, TimelineQuery, TimexView,
} from '../graph/index.js';
import { auditedReads, PatientAccess } from './server/audit-log.js';
import { OPEN_PRINCIPAL, type Principal } from '../auth/index.js';
import type { CoalescingPubSub } from './coalescing-pubsub.js';
import { ResultBudget } from './server/result-budget.js';
import type { ApiServices, ReadsPort } from './services.js';

export interface Loaders {
  patient: DataLoader<string, PatientView | null>;
  record: DataLoader<string, RecordView | null>;
  recordsByPatient: DataLoader<string, RecordView[]>;
  entitiesByRecord: DataLoader<string, EntityView[]>;
  timex: DataLoader<string, TimexView | null>;
  timexesByRecord: DataLoader<string, TimexView[]>;
  term: DataLoader<string, TermView | null>;
  concept: DataLoader<string, ConceptView | null>;
  /**
   * Timelines, cached per (patient, from, to, types, assertions, subjects): a query that reaches one patient's timeline along many paths
   * reads it once. The repository has no multi-patient timeline statement, so distinct patients cost one trip each.
   */
  timeline: DataLoader<TimelineQuery, TimelineEvent[], string>;
  clearAll(): void;
}

export interface ApiContext {
  services: ApiServices;
  pubsub: CoalescingPubSub;
  loaders: Loaders;
  /** List items this operation may still return (MAX_RESULT_ITEMS); list field resolvers take from it. */
  budget: ResultBudget;
  /** Who is calling (src/auth); `OPEN_PRINCIPAL` (admin) when no API key is configured. */
  principal: Principal;
  /** The patients this operation has read, for the audit log (src/api/server/audit-log.ts). */
  access: PatientAccess;
}

export function createContext(
  services: ApiServices, pubsub: CoalescingPubSub, maxResultItems?: number, principal: Principal = OPEN_PRINCIPAL,
): ApiContext {
  const access = new PatientAccess();
  const reads = auditedReads(services.reads, access); // loaders and direct reads (entity search) alike
  return { services: { ...services, reads }, pubsub, loaders: createLoaders(reads), budget: new ResultBudget(maxResultItems), principal, access };
}

/** The repository's batch methods already answer in key order (null / [] for misses), as DataLoader requires. */
export function createLoaders(reads: ReadsPort): Loaders {
  const loaders = {
    patient: new DataLoader<string, PatientView | null>((ids) => reads.patientsByIds(ids)),
    record: new DataLoader<string, RecordView | null>((ids) => reads.recordsByIds(ids)),
    recordsByPatient: new DataLoader<string, RecordView[]>((ids) => reads.recordsByPatientIds(ids)),
    entitiesByRecord: new DataLoader<string, EntityView[]>((ids) => reads.entitiesByRecordIds(ids)),
    timex: new DataLoader<string, TimexView | null>((ids) => reads.timexesByIds(ids)),
    timexesByRecord: new DataLoader<string, TimexView[]>((ids) => reads.timexesByRecordIds(ids)),
    term: new DataLoader<string, TermView | null>((ids) => reads.termsByIds(ids)),
    concept: new DataLoader<string, ConceptView | null>((ids) => reads.conceptsByIds(ids)),
    timeline: new DataLoader<TimelineQuery, TimelineEvent[], string>(
      (queries) => Promise.all(queries.map((query) => reads.timeline(query))),
      { cacheKeyFn: (q) => JSON.stringify([q.patientId, q.from ?? null, q.to ?? null, sorted(q.types), sorted(q.assertions), sorted(q.subjects)]) },
    ),
  };
  return {
    ...loaders,
    clearAll() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

function sorted(values: readonly string[] | undefined): string[] | null {
  return values ? [...values].sort() : null;
}
