/**
 * Stored records as the pipeline takes them, page by page, for `oncotimeline reprocess`.
 *
 * @example
 *   await storedRecords(driver, { after: '', limit: 500, pipeline: describePipeline(current) })
 *   // [{ patientId: 'P001', recordId: 'P001-R01', kind: 'ADMISSION', recordedAt: '2018-03-10', text: '…' }, ...]
 */
import neo4j from 'neo4j-driver';
import type { ClinicalRecord, RecordKind } from '../domain/index.js';
import type { GraphDriver } from './driver.js';

export interface StoredRecordQuery {
  /** The last record id of the previous page; '' for the first. */
  after: string;
  limit: number;
  /** Only these patients' records; undefined: everyone's. */
  patientIds?: readonly string[];
  /** Only records not produced by this pipeline (or failed); undefined: every stored record. */
  pipeline?: string;
}

export async function storedRecords(driver: GraphDriver, q: StoredRecordQuery): Promise<ClinicalRecord[]> {
  const rows = await driver.read('records-to-reprocess', {
    after: q.after,
    limit: neo4j.int(q.limit),
    patientIds: q.patientIds ? [...q.patientIds] : null,
    pipeline: q.pipeline ?? null,
  });
  return rows.map((row) => {
    const r = row.get('record') as Record<string, string>;
    return { recordId: r['id']!, patientId: r['patientId']!, kind: r['kind'] as RecordKind, recordedAt: r['recordedAt']!, text: r['text']! };
  });
}
