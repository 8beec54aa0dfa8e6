/**
 * Writes records' extractions. Each function runs inside the caller's write transaction, so the record's old
 * mentions/TIMEX, the new ones and the job bookkeeping commit (or roll back) together.
 *
 * @example
 *   await driver.writeTransaction(async (tx) => { await replaceExtraction(tx, extraction); await finishItem(tx, ...); });
 */
import neo4j from 'neo4j-driver';
import { EVENT_TYPES, type ClinicalRecord, type EntityType, type PriorEvent, type TimePrecision } from '../domain/index.js';
import type { GraphDriver, GraphTx } from './driver.js';
import { conceptRows, mentionRows, timexRows, type ModelStamp, type RecordExtraction } from './extraction.rows.js';

/**
 * Batched: ONE statement for all `xs` whatever their size (UNWIND over records, their TIMEX and mentions), so a
 * group commit of many records costs one round trip and one log flush. Records must be distinct.
 */
export async function replaceExtractions(tx: GraphTx, xs: readonly RecordExtraction[], now: string): Promise<void> {
  if (xs.length === 0) return;
  await tx.run('replace-extraction', {
    records: xs.map((x) => ({
      patientId: x.record.patientId,
      recordId: x.record.recordId,
      kind: x.record.kind,
      recordedAt: x.record.recordedAt,
      text: x.record.text,
      modelName: x.model.name,
      modelVersion: x.model.version,
      pipeline: x.pipeline ?? null,
      timexes: timexRows(x),
      mentions: mentionRows(x),
    })),
    ...conceptRows(...xs),
    now,
  });
}

/** One record's extraction: `replaceExtractions` with one record. */
export async function replaceExtraction(tx: GraphTx, x: RecordExtraction, now: string): Promise<void> {
  await replaceExtractions(tx, [x], now);
}

/**
 * The naive path, one statement per mention; only the ingest bench uses it, to measure what UNWIND saves.
 * Each mention is its own write transaction, as code without batching would do.
 */
export async function replaceExtractionOneByOne(driver: GraphDriver, x: RecordExtraction, now: string): Promise<void> {
  await driver.write('delete-extraction', { recordId: x.record.recordId });
  const timexes = timexRows(x);
  if (timexes.length > 0) await driver.write('write-timexes', { recordId: x.record.recordId, timexes });
  const { concepts, links } = conceptRows(x);
  if (concepts.length > 0) await driver.write('write-concepts', { concepts, links });
  const mentions = mentionRows(x);
  for (const m of mentions) {
    await driver.write('write-mention-one', { recordId: x.record.recordId, props: m.props, termName: m.termName });
  }
  await driver.writeTransaction((tx) =>
    updateRecord(tx, x.record, 'DONE', { entities: mentions.length, timexes: timexes.length, model: x.model }, now));
}

/** A failed record keeps no stale extraction: its offsets would not match the newly accepted text. */
export async function clearExtraction(tx: GraphTx, record: ClinicalRecord, now: string): Promise<void> {
  await tx.run('delete-extraction', { recordId: record.recordId });
  await updateRecord(tx, record, 'FAILED', { entities: 0, timexes: 0, model: null }, now);
}

async function updateRecord(
  tx: GraphTx,
  record: ClinicalRecord,
  status: 'DONE' | 'FAILED',
  summary: { entities: number; timexes: number; model: ModelStamp | null },
  now: string,
): Promise<void> {
  await tx.run('update-record', {
    recordId: record.recordId,
    patientId: record.patientId,
    kind: record.kind,
    recordedAt: record.recordedAt,
    text: record.text,
    status,
    entityCount: neo4j.int(summary.entities),
    timexCount: neo4j.int(summary.timexes),
    modelName: summary.model?.name ?? null,
    modelVersion: summary.model?.version ?? null,
    now,
  });
}

/** The patient's dated events from other records written on or before this one (anchors such as 术后 look here). */
export async function priorEvents(driver: GraphDriver, record: ClinicalRecord): Promise<PriorEvent[]> {
  const rows = await driver.read('prior-events', {
    patientId: record.patientId,
    recordId: record.recordId,
    recordedAt: record.recordedAt,
  });
  return rows
    .map((r) => ({
      type: r.get('type') as EntityType,
      text: r.get('text') as string,
      interval: {
        start: r.get('start') as string,
        end: r.get('end') as string,
        precision: r.get('precision') as TimePrecision,
        approx: r.get('approx') as boolean,
      },
    }))
    .filter((e) => EVENT_TYPES.has(e.type));
}
