/**
 * The cohort tests' patients, one per situation the semantics must get right, with ids that sort in letter order
 * (`<run>-A` … `<run>-I`). The test Neo4j is shared by every test and developer, so queries are scoped to these
 * ids (`patientIds`) and the database is never wiped.
 *
 * A  diagnosis 2019-03-01, surgery 2019-03-15 (14 days)
 * B  diagnosis 2019-03-01, surgery 2019-11-15 (259 days)
 * C  breast cancer denied (ABSENT), undated
 * D  the mother's breast cancer (FAMILY), undated
 * E  surgery 2019-03-01 BEFORE the diagnosis 2019-03-15
 * F  diagnosis dated only to the month (2019-03-01..2019-03-31), surgery 2019-04-20 (20..50 days)
 * G  suspected lung cancer (POSSIBLE) 2020-01-10, imaging written full-width (ＣＴ)
 * H  undated diagnosis in a record of 2019-06-01 (sits at that day), surgery 2019-06-10 (9 days)
 * I  two diagnoses, 2019-07-01 and 2019-08-01 (a sequence pairs two different mentions, never one with itself)
 */
import type { GraphDriver } from '../../../src/graph/driver.js';
import { uniqueId } from '../../helpers/neo4j.js';
import { BREAST_CANCER, LUNG_CANCER, MASTECTOMY, writePatient, type MentionSpec } from './cohort-patients.js';

export interface CohortFixture {
  /** Patient id by letter. */
  id: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>;
  /** Every fixture patient id, sorted. */
  all: string[];
  /** Ids of the given letters, sorted (the order cohort pages come in). */
  ids(letters: string): string[];
}

const diagnosis = (at?: MentionSpec['at'], text = '左乳腺癌'): MentionSpec => ({ type: 'DISEASE', text, concept: BREAST_CANCER, ...(at ? { at } : {}) });
const surgery = (day: string): MentionSpec => ({ type: 'SURGERY', text: '左乳癌改良根治术', at: [day], concept: MASTECTOMY });

export async function writeCohortFixture(driver: GraphDriver): Promise<CohortFixture> {
  const run = uniqueId('cohort');
  const id = Object.fromEntries([...'ABCDEFGHI'].map((l) => [l, `${run}-${l}`])) as CohortFixture['id'];
  await Promise.all([
    writePatient(driver, id.A, [
      { recordedAt: '2019-03-01', mentions: [diagnosis(['2019-03-01'])] },
      { recordedAt: '2019-03-20', mentions: [surgery('2019-03-15')] },
    ]),
    writePatient(driver, id.B, [
      { recordedAt: '2019-03-01', mentions: [diagnosis(['2019-03-01'])] },
      { recordedAt: '2019-11-20', mentions: [surgery('2019-11-15')] },
    ]),
    writePatient(driver, id.C, [{ recordedAt: '2019-05-01', mentions: [{ ...diagnosis(undefined, '乳腺癌'), assertion: 'ABSENT' }] }]),
    writePatient(driver, id.D, [{ recordedAt: '2019-05-01', mentions: [{ ...diagnosis(undefined, '乳腺癌'), subject: 'FAMILY' }] }]),
    writePatient(driver, id.E, [
      { recordedAt: '2019-03-05', mentions: [surgery('2019-03-01')] },
      { recordedAt: '2019-03-20', mentions: [diagnosis(['2019-03-15'])] },
    ]),
    writePatient(driver, id.F, [
      { recordedAt: '2019-05-01', mentions: [diagnosis(['2019-03-01', '2019-03-31'], '乳腺癌'), surgery('2019-04-20')] },
    ]),
    writePatient(driver, id.G, [
      { recordedAt: '2020-01-15', mentions: [
        { type: 'DISEASE', text: '右肺癌', at: ['2020-01-10'], assertion: 'POSSIBLE', concept: LUNG_CANCER },
        { type: 'IMAGING', text: '胸部ＣＴ', at: ['2020-01-10'] },
      ] },
    ]),
    writePatient(driver, id.H, [
      { recordedAt: '2019-06-01', mentions: [diagnosis()] },
      { recordedAt: '2019-06-12', mentions: [surgery('2019-06-10')] },
    ]),
    writePatient(driver, id.I, [
      { recordedAt: '2019-07-01', mentions: [diagnosis(['2019-07-01'])] },
      { recordedAt: '2019-08-01', mentions: [diagnosis(['2019-08-01'])] },
    ]),
  ]);
  const all = Object.values(id).sort();
  return { id, all, ids: (letters) => [...letters].map((l) => id[l as keyof CohortFixture['id']]).sort() };
}
