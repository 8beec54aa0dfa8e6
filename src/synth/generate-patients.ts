/**
 * Generates realistic synthetic oncology patients: a work-up with a suspected diagnosis, the pathology report that
 * confirms it, an admission note (history with negated and family facts, comorbidities), usually an operation days
 * to months later, chemotherapy cycles, and years of follow-up with lab tests, imaging and the odd suspected
 * metastasis. About 10 records and 100 mentions per patient; dates are exact days, months, years (approximate
 * intervals) or the record date (undated), as the time module would resolve them.
 *
 * Deterministic: patient `i` of seed `s` is the same on every run, whatever the batch size.
 *
 * @example
 *   const [p] = generatePatients({ patients: 1, seed: 7 });
 *   p.id                      // 'synth-7-000000'
 *   p.records.map((r) => r.kind)  // ['IMAGING', 'PATHOLOGY', 'ADMISSION', 'PROGRESS', 'DISCHARGE', 'PROGRESS', ...]
 */
import { addDays, chineseDate, monthOf, yearOf } from './calendar.js';
import { CANCER_PROFILES, COMMON, type CancerProfile } from './cancer-profiles.js';
import { SeededRandom } from './random.js';
import { RecordText } from './record-text.js';
import type { SynthPatient, SynthRecord } from './synth.types.js';
import { conceptId, drugConceptId } from './vocabulary.js';

export interface SynthOptions {
  patients: number;
  seed: number;
  /** Patient ids are `<prefix><index, 6 digits>`; default `synth-<seed>-`. */
  prefix?: string;
  /** Index of the first patient (to generate a large set in slices). */
  from?: number;
}

export function generatePatients(options: SynthOptions): SynthPatient[] {
  const from = options.from ?? 0;
  const prefix = options.prefix ?? `synth-${options.seed}-`;
  return Array.from({ length: options.patients }, (_, i) => {
    const index = from + i;
    // One stream per patient, so a patient does not depend on how many were drawn before it.
    const random = new SeededRandom((Math.imul(options.seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
    return generatePatient(`${prefix}${String(index).padStart(6, '0')}`, random);
  });
}

function generatePatient(id: string, r: SeededRandom): SynthPatient {
  const profile = r.weighted(CANCER_PROFILES, (p) => p.weight);
  const [diagnosisText, diagnosisCode] = r.pick(profile.diagnoses);
  const diagnosis = { text: diagnosisText, conceptId: conceptId('ICD10', diagnosisCode) };
  const diagnosedOn = addDays('2012-01-01', r.int(0, 365 * 10));
  const records: SynthRecord[] = [];
  const add = (kind: SynthRecord['kind'], recordedAt: string, write: (t: RecordText) => void): void => {
    const t = new RecordText(recordedAt);
    write(t);
    records.push({ id: `${id}-R${String(records.length + 1).padStart(2, '0')}`, patientId: id, kind, recordedAt, ...t.build() });
  };

  const workUp = addDays(diagnosedOn, -r.int(3, 20));
  add('IMAGING', workUp, (t) => {
    t.say('因“').mention(r.pick(profile.symptoms), 'SYMPTOM').say('”就诊，行').mention(r.pick(profile.imaging), 'IMAGING', { on: workUp })
      .say('提示').mention(r.pick(profile.anatomy), 'ANATOMY').say('占位，考虑').mention(diagnosis.text, 'DISEASE', { assertion: 'POSSIBLE', conceptId: diagnosis.conceptId })
      .say('可能。').mention(r.pick(COMMON.labs), 'LAB_TEST').say('未见明显异常，').mention(r.pick(profile.labs), 'LAB_TEST').say('略高。');
  });
  add('PATHOLOGY', diagnosedOn, (t) => {
    t.say('病理诊断：').mention(r.pick(profile.anatomy), 'ANATOMY').mention(diagnosis.text, 'DISEASE', { conceptId: diagnosis.conceptId, on: diagnosedOn })
      .say('，').mention('淋巴结', 'ANATOMY').say(r.chance(0.5) ? '未见转移。' : '见癌转移。').mention('免疫组化', 'EXAM').say('已行。');
  });

  const surgeryOn = surgeryDate(r, diagnosedOn);
  const admittedOn = addDays(diagnosedOn, r.int(1, 5));
  add('ADMISSION', admittedOn, (t) => admissionNote(t, r, profile, diagnosis, diagnosedOn, admittedOn));

  let last = admittedOn;
  if (surgeryOn !== null) {
    const [surgeryText, surgeryCode] = r.pick(profile.surgeries);
    add('PROGRESS', surgeryOn, (t) => {
      t.say(`${chineseDate(surgeryOn)}在全麻下行`).mention(surgeryText, 'SURGERY', { conceptId: conceptId('ICD9CM3', surgeryCode), on: surgeryOn })
        .say('，术中探查').mention(r.pick(profile.anatomy), 'ANATOMY').say('，术后').mention('血常规', 'LAB_TEST', { on: addDays(surgeryOn, 1) })
        .say('示白细胞升高，予').mention('头孢唑啉', 'DRUG').say('抗感染，').mention(r.pick(COMMON.symptoms), 'SYMPTOM').say('好转。');
    });
    last = surgeryOn;
    const out = addDays(surgeryOn, r.int(5, 12));
    add('DISCHARGE', out, (t) => {
      t.say('出院诊断：').mention(diagnosis.text, 'DISEASE', { conceptId: diagnosis.conceptId }).say('术后。住院期间行').mention(surgeryText, 'SURGERY', { conceptId: conceptId('ICD9CM3', surgeryCode), on: surgeryOn })
        .say('，').mention('切口', 'ANATOMY').say('愈合良好，复查').mention(r.pick(COMMON.labs), 'LAB_TEST').say('、').mention(r.pick(COMMON.labs), 'LAB_TEST')
        .say('正常，').mention(r.pick(COMMON.exams), 'EXAM').say('无异常，无').mention('发热', 'SYMPTOM', { assertion: 'ABSENT' }).say('。');
    });
    last = out;
  }

  const cycles = profile.regimen === '' ? 0 : r.int(0, 6);
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const on = addDays(last, cycle === 1 ? r.int(14, 40) : 21);
    last = on;
    add('PROGRESS', on, (t) => {
      t.say(`${chineseDate(on)}行第${cycle}周期${profile.regimen}`).mention('化疗', 'TREATMENT', { on }).say('：');
      for (const drug of [r.pick(profile.drugs), r.pick(profile.drugs)]) t.mention(drug, 'DRUG', { conceptId: drugConceptId(drug), on }).say('，');
      t.say('化疗前').mention(r.pick(COMMON.labs), 'LAB_TEST').say('、').mention(r.pick(profile.labs), 'LAB_TEST').say('，化疗后')
        .mention(r.pick(COMMON.symptoms), 'SYMPTOM').say('，无').mention('呕吐', 'SYMPTOM', { assertion: 'ABSENT' }).say('，').mention(r.pick(COMMON.anatomy), 'ANATOMY').say('查体未见异常。');
    });
  }

  const visits = r.int(2, 5);
  for (let visit = 1; visit <= visits; visit++) {
    const on = addDays(last, r.int(90, 200));
    last = on;
    add(visit % 2 === 0 ? 'IMAGING' : 'PROGRESS', on, (t) => followUp(t, r, profile, diagnosis, diagnosedOn, surgeryOn, on));
  }
  return { id, records };
}

/** Mostly within a month of the diagnosis, sometimes months later, sometimes never, rarely before it (excision). */
function surgeryDate(r: SeededRandom, diagnosedOn: string): string | null {
  const x = r.next();
  if (x < 0.6) return addDays(diagnosedOn, r.int(7, 30));
  if (x < 0.85) return addDays(diagnosedOn, r.int(31, 300));
  if (x < 0.95) return null;
  return addDays(diagnosedOn, -r.int(5, 60));
}

type Diagnosis = { text: string; conceptId: string };

function admissionNote(t: RecordText, r: SeededRandom, p: CancerProfile, d: Diagnosis, diagnosedOn: string, on: string): void {
  t.say(`患者于${chineseDate(diagnosedOn)}确诊`).mention(d.text, 'DISEASE', { conceptId: d.conceptId, on: diagnosedOn })
    .say('，为进一步治疗入院。既往');
  const since = yearOf(addDays(on, -365 * r.int(2, 10)));
  if (r.chance(0.3)) t.mention('高血压', 'DISEASE', { conceptId: conceptId('ICD10', 'I10'), interval: { ...since, precision: 'YEAR', approx: true } }).say('病史多年，');
  else t.say('否认').mention('高血压', 'DISEASE', { assertion: 'ABSENT', conceptId: conceptId('ICD10', 'I10') }).say('病史，');
  if (r.chance(0.15)) t.mention('2型糖尿病', 'DISEASE', { conceptId: conceptId('ICD10', 'E11.9'), interval: { ...since, precision: 'YEAR', approx: true } }).say('，');
  else t.say('否认').mention('糖尿病', 'DISEASE', { assertion: 'ABSENT', conceptId: conceptId('ICD10', 'E11.9') }).say('史，');
  if (r.chance(0.1)) {
    const [relative, text, code] = r.pick([['母亲', '乳腺癌', 'C50.9'], ['父亲', '肺癌', 'C34.9'], ['姐姐', '乳腺癌', 'C50.9']] as const);
    t.say(`家族史：${relative}患`).mention(text, 'DISEASE', { subject: 'FAMILY', conceptId: conceptId('ICD10', code) }).say('。');
  } else {
    t.say('否认肿瘤家族史。');
  }
  t.say('入院查').mention(r.pick(COMMON.exams), 'EXAM').say('：').mention(r.pick(p.anatomy), 'ANATOMY').say('可及').mention(r.pick(p.symptoms), 'SYMPTOM')
    .say('，').mention(r.pick(COMMON.anatomy), 'ANATOMY').say('未见异常。').mention(r.pick(p.imaging), 'IMAGING', { on: addDays(on, -r.int(1, 10)) })
    .say('示病灶。').mention(r.pick(COMMON.labs), 'LAB_TEST').say('、').mention(r.pick(COMMON.labs), 'LAB_TEST').say('、').mention(r.pick(p.labs), 'LAB_TEST')
    .say('待查，无').mention(r.pick(COMMON.symptoms), 'SYMPTOM', { assertion: 'ABSENT' }).say('。');
}

function followUp(t: RecordText, r: SeededRandom, p: CancerProfile, d: Diagnosis, diagnosedOn: string, surgeryOn: string | null, on: string): void {
  const years = Math.max(1, Math.round((Date.parse(on) - Date.parse(diagnosedOn)) / (365 * 86_400_000)));
  t.mention(d.text, 'DISEASE', { conceptId: d.conceptId, interval: { ...yearOf(diagnosedOn), precision: 'YEAR', approx: true } }).say(`${surgeryOn === null ? '确诊' : '术后'}${years}年余，`)
    .say('复查').mention(r.pick(p.imaging), 'IMAGING', { on }).say('：').mention(r.pick(p.anatomy), 'ANATOMY').say('未见复发，');
  if (r.chance(0.15)) t.mention('肺转移', 'DISEASE', { assertion: 'POSSIBLE', conceptId: conceptId('ICD10', 'C78.0') }).say('待排，');
  t.mention(r.pick(p.labs), 'LAB_TEST').say('、').mention(r.pick(COMMON.labs), 'LAB_TEST').say('、').mention(r.pick(COMMON.labs), 'LAB_TEST').say('未见异常。')
    .say('上月').mention(r.pick(COMMON.symptoms), 'SYMPTOM', { interval: { ...monthOf(addDays(on, -30)), precision: 'MONTH' } })
    .say('，现无').mention(r.pick(p.symptoms), 'SYMPTOM', { assertion: 'ABSENT' }).say('，').mention(r.pick(COMMON.exams), 'EXAM').say('正常，')
    .mention(r.pick(COMMON.anatomy), 'ANATOMY').say('未见异常，继续');
  const drug = r.pick(p.drugs);
  t.mention(drug, 'DRUG', { conceptId: drugConceptId(drug) }).say('治疗。');
}
