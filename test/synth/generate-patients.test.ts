/**
 * The synthetic generator (src/synth): deterministic per seed whatever the slicing, spans right by construction,
 * times as the time module resolves them, codes from the shipped vocabulary, and the record mix the cohort benchmark
 * relies on (negated and family mentions, surgery within and beyond 30 days, and before the diagnosis).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ASSERTIONS, ENTITY_TYPES, SUBJECTS } from '../../src/domain/entity.js';
import { RECORD_KINDS } from '../../src/domain/record.js';
import { generatePatients, RecordText, SYNTH_CONCEPTS, conceptId } from '../../src/synth/index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const isDay = (d: string): boolean => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('generatePatients: determinism', () => {
  it('the same seed gives the same patients, and slices give the same patients as one batch', () => {
    const whole = generatePatients({ patients: 30, seed: 7 });
    expect(generatePatients({ patients: 30, seed: 7 })).toEqual(whole);
    const sliced = [
      ...generatePatients({ patients: 12, seed: 7 }),
      ...generatePatients({ patients: 18, seed: 7, from: 12 }),
    ];
    expect(sliced).toEqual(whole);
    expect(whole.map((p) => p.id).slice(0, 2)).toEqual(['synth-7-000000', 'synth-7-000001']);
  });

  it('another seed gives other patients (other ids and other content)', () => {
    const a = generatePatients({ patients: 5, seed: 1 });
    const b = generatePatients({ patients: 5, seed: 2 });
    expect(b[0]!.id).toBe('synth-2-000000');
    const strip = (ps: typeof a): string[] => ps.map((p) => p.records.map((r) => `${r.kind}:${r.recordedAt}:${r.text}`).join('|'));
    expect(strip(b)).not.toEqual(strip(a));
  });
});

describe('generatePatients: shape', () => {
  const patients = generatePatients({ patients: 300, seed: 11 });
  const records = patients.flatMap((p) => p.records);
  const mentions = records.flatMap((r) => r.mentions.map((m) => ({ r, m })));
  const known = new Set(SYNTH_CONCEPTS.map((c) => conceptId(c.system, c.code)));

  // Checked as lists of violations (one expect each): ~30,000 mentions.
  it('every span is the mention text at UTF-16 offsets of its record, mentions do not overlap', () => {
    const bad = records.flatMap((r) => r.mentions.filter((m, i) => r.text.slice(m.start, m.end) !== m.text
      || (i > 0 && m.start < r.mentions[i - 1]!.end)).map((m) => `${r.id}:${m.start}-${m.end}`));
    expect(bad).toEqual([]);
  });

  it('ids are unique, records belong to their patient, kinds and enums are the platform ones', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(patients.flatMap((p) => p.records.filter((r) => r.patientId !== p.id))).toEqual([]);
    expect(records.filter((r) => !(RECORD_KINDS as readonly string[]).includes(r.kind))).toEqual([]);
    const bad = mentions.filter(({ m }) => !(ENTITY_TYPES as readonly string[]).includes(m.type)
      || !(ASSERTIONS as readonly string[]).includes(m.assertion) || !(SUBJECTS as readonly string[]).includes(m.subject)
      || (m.conceptId !== null && !known.has(m.conceptId)));
    expect(bad).toEqual([]);
  });

  it('times are resolved intervals of real days; undated mentions sit at the record date, as the pipeline stores them', () => {
    const bad = mentions.filter(({ r, m }) => !isDay(r.recordedAt) || !isDay(m.time.start) || !isDay(m.time.end)
      || m.time.start > m.time.end
      || (m.time.undated && (m.time.start !== r.recordedAt || m.time.end !== r.recordedAt || m.time.precision !== 'DAY' || m.time.approx))
      || (m.time.precision === 'YEAR' && (m.time.start.slice(5) !== '01-01' || m.time.end.slice(5) !== '12-31'))
      || (m.time.precision === 'MONTH' && m.time.start.slice(8) !== '01'));
    expect(bad.map(({ r, m }) => `${r.id}:${m.start}`)).toEqual([]);
    expect(mentions.some(({ m }) => m.time.undated)).toBe(true);
    expect(mentions.some(({ m }) => m.time.precision === 'YEAR')).toBe(true);
    expect(mentions.some(({ m }) => m.time.precision === 'MONTH')).toBe(true);
  });

  it('has the mix cohort queries need: ~100 mentions a patient, negated, possible and family mentions, cancer mix', () => {
    const perPatient = mentions.length / patients.length;
    expect(perPatient).toBeGreaterThan(80);
    expect(perPatient).toBeLessThan(120);
    const share = (f: (x: (typeof mentions)[number]) => boolean): number => mentions.filter(f).length / mentions.length;
    expect(share(({ m }) => m.assertion === 'ABSENT')).toBeGreaterThan(0.03);
    expect(share(({ m }) => m.assertion === 'POSSIBLE')).toBeGreaterThan(0.005);
    const family = patients.filter((p) => p.records.some((r) => r.mentions.some((m) => m.subject === 'FAMILY'))).length;
    expect(family / patients.length).toBeGreaterThan(0.04);
    expect(family / patients.length).toBeLessThan(0.2);
    // Breast cancer is the commonest (weight 30 of 100), thyroid the rarest.
    const primary = (code: string): number => patients.filter((p) => p.records.some((r) => r.kind === 'PATHOLOGY'
      && r.mentions.some((m) => m.conceptId?.startsWith(`ICD10:${code}`)))).length / patients.length;
    expect(primary('C50')).toBeGreaterThan(0.2);
    expect(primary('C50')).toBeLessThan(0.4);
    expect(primary('C73')).toBeLessThan(primary('C50'));
  });

  it('surgery follows the diagnosis within 30 days for most, later for some, before it for a few', () => {
    const gaps = patients.flatMap((p) => {
      const diagnosed = p.records.find((r) => r.kind === 'PATHOLOGY')!.recordedAt;
      const surgery = p.records.flatMap((r) => r.mentions).find((m) => m.type === 'SURGERY' && !m.time.undated);
      return surgery === undefined ? [] : [days(diagnosed, surgery.time.start)];
    });
    const within30 = gaps.filter((g) => g >= 0 && g <= 30).length / patients.length;
    expect(within30).toBeGreaterThan(0.45);
    expect(within30).toBeLessThan(0.75);
    expect(gaps.some((g) => g > 30)).toBe(true);
    expect(gaps.some((g) => g < 0)).toBe(true);
    expect(gaps.length).toBeLessThan(patients.length); // some never operated
  });
});

describe('RecordText', () => {
  it('builds spans, defaults (PRESENT, PATIENT, undated) and stated times', () => {
    const t = new RecordText('2018-03-20');
    t.say('患者于2018年3月12日确诊').mention('左乳腺癌', 'DISEASE', { conceptId: 'ICD10:C50.9', on: '2018-03-12' })
      .say('，否认').mention('高血压', 'DISEASE', { assertion: 'ABSENT' })
      .say('，2017年').mention('咳嗽', 'SYMPTOM', { interval: { start: '2017-01-01', end: '2017-12-31', precision: 'YEAR' } });
    const { text, mentions } = t.build();
    expect(text).toBe('患者于2018年3月12日确诊左乳腺癌，否认高血压，2017年咳嗽');
    expect(mentions.map((m) => [m.start, m.end, m.assertion, m.subject, m.conceptId])).toEqual([
      [15, 19, 'PRESENT', 'PATIENT', 'ICD10:C50.9'], [22, 25, 'ABSENT', 'PATIENT', null], [31, 33, 'PRESENT', 'PATIENT', null],
    ]);
    expect(mentions.map((m) => m.time)).toEqual([
      { start: '2018-03-12', end: '2018-03-12', precision: 'DAY', approx: false, undated: false },
      { start: '2018-03-20', end: '2018-03-20', precision: 'DAY', approx: false, undated: true },
      { start: '2017-01-01', end: '2017-12-31', precision: 'YEAR', approx: false, undated: false },
    ]);
  });
});

describe('synthetic vocabulary', () => {
  it('has the shipped vocabulary\'s codes, names and IS_A parents (models/concepts), so both can share Concept nodes', () => {
    const data = JSON.parse(gunzipSync(readFileSync('models/concepts/concepts.json.gz')).toString('utf8')) as {
      systems: string[]; concepts: { system: number[]; code: string[]; name: string[]; parents: number[][] };
    };
    const c = data.concepts;
    const index = new Map(c.code.map((code, i) => [`${data.systems[c.system[i]!]}:${code}`, i]));
    for (const s of SYNTH_CONCEPTS) {
      const i = index.get(conceptId(s.system, s.code));
      expect(i, `${s.system}:${s.code}`).toBeDefined();
      expect(c.name[i!], `${s.system}:${s.code}`).toBe(s.name);
      const parents = (c.parents[i!] ?? []).map((p) => c.code[p]);
      expect(parents[0] ?? null, `parent of ${s.system}:${s.code}`).toBe(s.parentCode);
    }
    // Every parent named is itself in the synthetic vocabulary: chains are whole up to the root.
    const ids = new Set(SYNTH_CONCEPTS.map((s) => conceptId(s.system, s.code)));
    for (const s of SYNTH_CONCEPTS) if (s.parentCode !== null) expect(ids.has(conceptId(s.system, s.parentCode))).toBe(true);
  });
});
