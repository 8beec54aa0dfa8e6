/**
 * Writes synthetic (or hand-built test) patients straight to the graph, bypassing NER: UNWIND statements of
 * thousands of rows each (`cypher/synth-write-*.cypher`), one transaction per statement, records (replacing any
 * earlier mentions of theirs) before their mentions. Mentions get exactly the properties the record pipeline stores (docs/graph-model.md), so every reader,
 * cohort queries included, sees them as it would see extracted ones. No TIMEX nodes are written: the times are set
 * on the mentions directly.
 *
 * @example
 *   await writeConcepts(driver);                                   // the synthetic vocabulary, once
 *   await writePatients(driver, generatePatients({ patients: 100, seed: 1 }))
 *   // { patients: 100, records: 1102, mentions: 9425, statements: 7 }
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LABEL_TO_TYPE, type EntityType } from '../domain/index.js';
import { type GraphDriver, normaliseSearchText, normaliseTermName, termId } from '../graph/index.js';
import type { SynthConcept, SynthPatient } from './synth.types.js';
import { conceptId, SYNTH_CONCEPTS } from './vocabulary.js';

/** Stamped on synthetic records and mentions as the "model" that produced them. */
export const SYNTH_MODEL = { name: 'synth', version: '1' } as const;

/** The `pipeline` stamp of synthetic records: `reprocess --stale` sees them as another pipeline's, as they are. */
export const SYNTH_PIPELINE = `${SYNTH_MODEL.name}@${SYNTH_MODEL.version}`;

export interface BulkWriteOptions {
  /** Mention rows per UNWIND statement (and transaction); default 5000. Records go a tenth as many at a time. */
  rowsPerStatement?: number;
  /** `processedAt` of the records; default now. */
  now?: string;
}

export interface BulkWriteSummary {
  patients: number;
  records: number;
  mentions: number;
  statements: number;
}

const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
const statements = new Map<string, string>();

/** The bulk writer's statements (`cypher/synth-write-*.cypher`). */
export const SYNTH_STATEMENT_NAMES = [
  'synth-write-concepts', 'synth-write-records', 'synth-write-terms', 'synth-write-mentions', 'synth-graph-size',
] as const;

function statement(name: (typeof SYNTH_STATEMENT_NAMES)[number]): string {
  let text = statements.get(name);
  if (text === undefined) {
    text = readFileSync(`${CYPHER_DIR}${name}.cypher`, 'utf8');
    statements.set(name, text);
  }
  return text;
}

/** MERGEs the concepts with their IS_A edges (default: the synthetic vocabulary), in one statement. */
export async function writeConcepts(driver: GraphDriver, concepts: readonly SynthConcept[] = SYNTH_CONCEPTS): Promise<void> {
  const rows = concepts.map((c) => ({
    id: conceptId(c.system, c.code), system: c.system, code: c.code, name: c.name,
    parentId: c.parentCode === null ? null : conceptId(c.system, c.parentCode),
  }));
  await driver.runGenerated(statement('synth-write-concepts'), { concepts: rows }, { mode: 'WRITE' });
}

/** Writes the patients' records, then their mentions; concepts they are coded as must exist (`writeConcepts`). */
export async function writePatients(driver: GraphDriver, patients: readonly SynthPatient[], options: BulkWriteOptions = {}): Promise<BulkWriteSummary> {
  const size = options.rowsPerStatement ?? 5000;
  const now = options.now ?? new Date().toISOString();
  const records = patients.flatMap((p) => p.records);
  const conceptNames = new Map(SYNTH_CONCEPTS.map((c) => [conceptId(c.system, c.code), c]));
  let count = 0;
  // A rewritten record deletes its old mentions (~10 each) in the same transaction: fewer records per statement.
  for (const chunk of chunks(records, Math.max(1, Math.floor(size / 10)))) {
    const rows = chunk.map((r) => ({
      id: r.id, patientId: r.patientId, kind: r.kind, recordedAt: r.recordedAt, text: r.text,
      entityCount: r.mentions.length, modelName: SYNTH_MODEL.name, modelVersion: SYNTH_MODEL.version, processedAt: now,
      pipeline: SYNTH_PIPELINE,
    }));
    await driver.runGenerated(statement('synth-write-records'), { records: rows }, { mode: 'WRITE' });
    count += 1;
  }
  const mentions = records.flatMap((r) => r.mentions.map((m) => {
    const concept = m.conceptId === null ? null : conceptNames.get(m.conceptId) ?? null;
    return {
      id: `${r.id}:${m.start}-${m.end}`, recordId: r.id, patientId: r.patientId, recordedAt: r.recordedAt,
      type: m.type, label: LABEL_OF[m.type], text: m.text, textLower: normaliseSearchText(m.text),
      start: m.start, end: m.end, confidence: 1, modelName: SYNTH_MODEL.name, modelVersion: SYNTH_MODEL.version,
      termId: termId(m.type, m.text), assertion: m.assertion, subject: m.subject,
      conceptId: m.conceptId, conceptSystem: concept?.system ?? null, conceptCode: concept?.code ?? null, conceptName: concept?.name ?? null,
      timexId: null, timeStart: m.time.start, timeEnd: m.time.end, timePrecision: m.time.precision,
      timeApprox: m.time.approx, undated: m.time.undated,
    };
  }));
  for (const chunk of chunks(mentions, size)) {
    const terms = new Map(chunk.map((m) => [m.termId, { id: m.termId, type: m.type, name: normaliseTermName(m.text) }]));
    await driver.runGenerated(statement('synth-write-terms'), { terms: [...terms.values()] }, { mode: 'WRITE' });
    await driver.runGenerated(statement('synth-write-mentions'), { mentions: chunk }, { mode: 'WRITE' });
    count += 2;
  }
  return { patients: patients.length, records: records.length, mentions: mentions.length, statements: count };
}

/**
 * How many patients, records and mentions of one seed are stored (`synth-<seed>-…` ids).
 *
 * @example
 *   await storedSize(driver, 1)   // { patients: 10000, records: 111470, mentions: 947234 }
 */
export async function storedSize(driver: GraphDriver, seed: number): Promise<{ patients: number; records: number; mentions: number }> {
  const [row] = await driver.runGenerated(statement('synth-graph-size'), { prefix: `synth-${seed}-` }, { mode: 'READ' });
  return { patients: row?.get('patients') as number, records: row?.get('records') as number, mentions: row?.get('mentions') as number };
}

/** The model label each type is written with (the first source label that maps to it: 疾病和诊断 for DISEASE). */
const LABEL_OF = Object.fromEntries(
  Object.entries(LABEL_TO_TYPE).reverse().map(([label, type]) => [type, label]),
) as Record<EntityType, string>;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
