/**
 * Hand-made patients for cohort tests, written through the platform's real write path (`replaceExtraction`, the
 * statement every processed record goes through), so mentions carry exactly the properties, Concept links and
 * IS_A ancestry a real extraction gives them. Each mention is placed at the interval it is given (through a TIMEX it
 * is linked to) or, without one, at its record's date (undated), as the time module would.
 *
 * @example
 *   await writePatient(driver, 'p-1', [
 *     { recordedAt: '2019-03-01', mentions: [{ type: 'DISEASE', text: '左乳腺癌', at: ['2019-03-01'], concept: BREAST_CANCER }] },
 *   ]);
 */
import type { Assertion, ConceptRef, EntityType, Subject } from '../../../src/domain/entity.js';
import type { RecordKind } from '../../../src/domain/record.js';
import type { TimeLink, Timex, TimexResolution } from '../../../src/domain/time.js';
import type { GraphDriver } from '../../../src/graph/driver.js';
import { replaceExtraction, type RecordExtraction } from '../../../src/graph/index.js';

export interface MentionSpec {
  type: EntityType;
  text: string;
  /** [start] or [start, end] of the resolved interval (inclusive days); absent: undated, at the record date. */
  at?: readonly [string] | readonly [string, string];
  assertion?: Assertion;
  subject?: Subject;
  concept?: ConceptRef | null;
}

export interface RecordSpec {
  recordedAt: string;
  kind?: RecordKind;
  mentions: readonly MentionSpec[];
}

/** The vocabulary's breast-cancer chain (as the shipped concept index writes it): C50.902 → C50.9 → C50 → block → chapter. */
export const BREAST_CANCER: ConceptRef = {
  system: 'ICD10', code: 'C50.902', name: '乳腺恶性肿瘤', score: 1,
  ancestors: [
    { system: 'ICD10', code: 'C50.9', name: '未特指的乳房恶性肿瘤' },
    { system: 'ICD10', code: 'C50', name: '乳房恶性肿瘤' },
    { system: 'ICD10', code: 'C50-C50', name: '乳房恶性肿瘤' },
    { system: 'ICD10', code: 'C00-D48', name: '肿瘤' },
  ],
};

export const LUNG_CANCER: ConceptRef = {
  system: 'ICD10', code: 'C34.905', name: '右肺恶性肿瘤', score: 1,
  ancestors: [
    { system: 'ICD10', code: 'C34.9', name: '未特指的支气管或肺恶性肿瘤' },
    { system: 'ICD10', code: 'C34', name: '支气管和肺恶性肿瘤' },
    { system: 'ICD10', code: 'C30-C39', name: '呼吸和胸腔内器官恶性肿瘤' },
    { system: 'ICD10', code: 'C00-D48', name: '肿瘤' },
  ],
};

export const MASTECTOMY: ConceptRef = {
  system: 'ICD9CM3', code: '85.43', name: '单侧扩大的单纯乳房切除术', score: 1,
  ancestors: [{ system: 'ICD9CM3', code: '85-86', name: '体被系统手术' }],
};

/** Writes each record of the patient (record ids `<patientId>-R<n>`), one write transaction per record. */
export async function writePatient(driver: GraphDriver, patientId: string, records: readonly RecordSpec[]): Promise<void> {
  for (const [i, spec] of records.entries()) {
    const extraction = buildExtraction(patientId, `${patientId}-R${i + 1}`, spec);
    await driver.writeTransaction((tx) => replaceExtraction(tx, extraction, new Date().toISOString()));
  }
}

function buildExtraction(patientId: string, recordId: string, spec: RecordSpec): RecordExtraction {
  let text = '';
  const entities: RecordExtraction['entities'][number][] = [];
  const timexes: Timex[] = [];
  const resolutions: TimexResolution[] = [];
  const links: TimeLink[] = [];
  for (const m of spec.mentions) {
    let timexId: string | null = null;
    if (m.at) {
      const [start, end = start] = m.at;
      timexId = `T${timexes.length + 1}`;
      const written = start === end ? start : `${start}至${end}`;
      timexes.push({ id: timexId, start: text.length, end: text.length + written.length, text: written, kind: 'DATE', value: start, approx: false });
      resolutions.push({ timexId, interval: { start, end, precision: 'DAY', approx: false } });
      text += written;
    }
    const startOffset = text.length;
    text += m.text;
    entities.push({
      start: startOffset, end: text.length, text: m.text, label: m.type, type: m.type, confidence: 1,
      assertion: m.assertion ?? 'PRESENT', subject: m.subject ?? 'PATIENT', concept: m.concept ?? null,
    });
    links.push({ entityStart: startOffset, entityEnd: text.length, timexId });
    text += '。';
  }
  return {
    record: { patientId, recordId, kind: spec.kind ?? 'PROGRESS', recordedAt: spec.recordedAt, text },
    entities, timexes, links, resolutions,
    model: { name: 'cohort-test', version: '1' },
  };
}
