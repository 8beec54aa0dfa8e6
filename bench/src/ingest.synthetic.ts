/**
 * Synthetic extractions for the ingest bench: deterministic records with `entitiesPerRecord` mentions (types and
 * words from a small clinical vocabulary, so Concepts are shared as in real data) and one DATE TIMEX per 4 mentions.
 * Offsets point into a generated text, so the rows are as valid as real ones.
 *
 * @example
 *   syntheticExtraction({ patientId: 'p', recordId: 'r', recordedAt: '2020-01-01', index: 0, entitiesPerRecord: 20 })
 *   // { record: { text: '2019-01-02左乳癌…' }, entities: [20], timexes: [5], links: [20], resolutions: [5], model }
 */
import type { AnnotatedMention, EntityType } from '../../src/domain/entity.js';
import type { TimeLink, Timex, TimexResolution } from '../../src/domain/time.js';
import type { RecordExtraction } from '../../src/graph/extraction.rows.js';

const WORDS: ReadonlyArray<[string, EntityType, string]> = [
  ['左乳癌', 'DISEASE', '疾病和诊断'], ['直肠癌', 'DISEASE', '疾病和诊断'], ['肺腺癌', 'DISEASE', '疾病和诊断'],
  ['改良根治术', 'SURGERY', '手术'], ['腹腔镜探查术', 'SURGERY', '手术'], ['紫杉醇', 'DRUG', '药物'],
  ['奥沙利铂', 'DRUG', '药物'], ['胸部CT', 'IMAGING', '影像检查'], ['腹部B超', 'IMAGING', '影像检查'],
  ['血常规', 'LAB_TEST', '实验室检验'], ['CEA', 'LAB_TEST', '实验室检验'], ['左乳', 'ANATOMY', '解剖部位'],
];

export interface SyntheticOptions {
  patientId: string;
  recordId: string;
  recordedAt: string;
  /** Varies words and dates between records. */
  index: number;
  entitiesPerRecord: number;
}

export function syntheticExtraction(o: SyntheticOptions): RecordExtraction {
  let text = '';
  const entities: AnnotatedMention[] = [];
  const timexes: Timex[] = [];
  const links: TimeLink[] = [];
  const resolutions: TimexResolution[] = [];
  for (let i = 0; i < o.entitiesPerRecord; i++) {
    if (i % 4 === 0) {
      const day = dayOf(o.index * 7 + i);
      const id = `T${timexes.length + 1}`;
      timexes.push({ id, start: text.length, end: text.length + day.length, text: day, kind: 'DATE', value: day, approx: false });
      resolutions.push({ timexId: id, interval: { start: day, end: day, precision: 'DAY', approx: false } });
      text += day;
    }
    const [word, type, label] = WORDS[(o.index * 5 + i) % WORDS.length]!;
    // Every seventh mention denied (无…), as in real histories; no concept (the bench measures writes, not the vocabulary).
    entities.push({
      start: text.length, end: text.length + word.length, text: word, type, label, confidence: 0.9,
      assertion: i % 7 === 3 ? 'ABSENT' : 'PRESENT', subject: 'PATIENT', concept: null,
    });
    // Every third mention stays unlinked (undated), like real records.
    links.push({ entityStart: text.length, entityEnd: text.length + word.length, timexId: i % 3 === 2 ? null : `T${timexes.length}` });
    text += `${word}，`;
  }
  return {
    record: { patientId: o.patientId, recordId: o.recordId, kind: 'PROGRESS', recordedAt: o.recordedAt, text },
    entities, timexes, links, resolutions,
    model: { name: 'synthetic', version: 'bench' },
  };
}

function dayOf(n: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + (n % 3000) * 86_400_000);
  return d.toISOString().slice(0, 10);
}
