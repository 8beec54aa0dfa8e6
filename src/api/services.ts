/**
 * What the API needs from the layers below it (jobs, graph, ner + time), as narrow structural interfaces.
 * `main.ts` passes the real `JobService`, read repository and preview service; nothing here is implemented by the API.
 */
import type { LimitsConfig } from '../config/config.js';
import type { ClinicalRecord } from '../domain/record.js';
import type { EntityType } from '../domain/entity.js';
import type { ExtractionPreviewNode } from './extraction.type.js';
import type { JobNode, JobProgressNode } from './job.type.js';
import type { EntityNode } from './entity.type.js';
import type { RecordNode } from './record.type.js';
import type { TimexNode } from './timex.type.js';
import type { TimeIntervalNode } from './time-interval.type.js';
import type { JobStatusValue } from './enums.js';

export interface Page<T> {
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface JobsPort {
  submit(records: ClinicalRecord[]): Promise<JobNode>;
  get(id: string): Promise<JobNode | null>;
  list(args: { status?: JobStatusValue; first: number; after?: string }): Promise<Page<JobNode>>;
}

/** One timeline row as read from the graph: ids only for what loaders fetch. */
export interface TimelineRow {
  entity: EntityNode;
  timexId: string | null;
  time: TimeIntervalNode;
  undated: boolean;
}

/** Batch reads, one Cypher round trip each (rows may come in any order; missing ids are simply absent). */
export interface ReadsPort {
  patientsByIds(ids: readonly string[]): Promise<Array<{ id: string }>>;
  recordsByIds(ids: readonly string[]): Promise<RecordNode[]>;
  recordsByPatientIds(ids: readonly string[]): Promise<RecordNode[]>;
  entitiesByRecordIds(ids: readonly string[]): Promise<EntityNode[]>;
  timexesByIds(ids: readonly string[]): Promise<TimexNode[]>;
  timexesByRecordIds(ids: readonly string[]): Promise<Array<TimexNode & { recordId: string }>>;
  timeline(args: { patientId: string; from?: string; to?: string; types?: EntityType[] }): Promise<TimelineRow[]>;
  searchEntities(args: { type?: EntityType; text?: string; first: number; after?: string }): Promise<Page<EntityNode>>;
}

export interface PreviewPort {
  preview(text: string, recordedAt: string): Promise<ExtractionPreviewNode>;
}

export interface ProgressSource {
  on(event: 'progress', listener: (event: JobProgressNode) => void): void;
  on(event: 'timelineUpdated', listener: (patientId: string) => void): void;
}

export interface ApiServices {
  jobs: JobsPort;
  reads: ReadsPort;
  preview: PreviewPort;
  limits: LimitsConfig;
}
