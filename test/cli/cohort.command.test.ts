/**
 * `oncotimeline cohort`: exports of hand-built patients (written with the synth bulk writer, so every span and date
 * is known) from the real Neo4j as CSV and JSON lines, with and without events; malformed criteria files exit 2
 * before Neo4j is reached. The criteria match a tag unique to this run (the test Neo4j is shared).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/cohort.command.js';
import type { GraphDriver } from '../../src/graph/driver.js';
import { RecordText, writePatients, type SynthPatient, type SynthRecord } from '../../src/synth/index.js';
import { testDriver, testNeo4jUri, uniqueId } from '../helpers/neo4j.js';

const tag = uniqueId('t').slice(2); // lower-case hex: the criteria's text is NFKC + lower-cased before matching
const base = uniqueId('cohort-cli');
const dir = mkdtempSync(path.join(tmpdir(), 'cohort-cli-'));
let driver: GraphDriver;

function patient(suffix: string, records: Array<[recordedAt: string, write: (t: RecordText) => void]>): SynthPatient {
  const id = `${base}-${suffix}`;
  return {
    id,
    records: records.map(([recordedAt, write], i): SynthRecord => {
      const t = new RecordText(recordedAt);
      write(t);
      return { id: `${id}-R${i + 1}`, patientId: id, kind: 'PROGRESS', recordedAt, ...t.build() };
    }),
  };
}

const disease = `乳腺癌${tag}`;
const surgery = `根治术${tag}`;
const patients = [
  // a: diagnosed, operated 14 days later; its diagnosis text holds a comma and quotes (CSV quoting).
  patient('a', [
    ['2018-03-12', (t) => t.say('确诊左').mention(`${disease},"II期"`, 'DISEASE', { on: '2018-03-12' }).say('。')],
    ['2018-03-26', (t) => t.say('2018年3月26日行左乳癌改良').mention(surgery, 'SURGERY', { on: '2018-03-26' }).say('。')],
  ]),
  // b: operated 259 days after the diagnosis.
  patient('b', [
    ['2018-01-01', (t) => t.say('确诊').mention(disease, 'DISEASE', { on: '2018-01-01' })],
    ['2018-09-17', (t) => t.say('行').mention(surgery, 'SURGERY', { on: '2018-09-17' })],
  ]),
  // c: only denied and a relative's.
  patient('c', [['2018-05-01', (t) => t.say('否认').mention(disease, 'DISEASE', { assertion: 'ABSENT' }).say('病史，母亲患')
    .mention(disease, 'DISEASE', { subject: 'FAMILY' })]]),
  // d: operated before the diagnosis.
  patient('d', [
    ['2018-02-01', (t) => t.say('行').mention(surgery, 'SURGERY', { on: '2018-02-01' })],
    ['2018-02-20', (t) => t.say('确诊').mention(disease, 'DISEASE', { on: '2018-02-20' })],
  ]),
];
const id = (suffix: string): string => `${base}-${suffix}`;
const recordText = new Map(patients.flatMap((p) => p.records.map((r) => [r.id, r.text])));

beforeAll(async () => {
  driver = await testDriver();
  await writePatients(driver, patients);
}, 120_000);
afterAll(async () => driver?.close());

function criteriaFile(value: unknown, name = `${uniqueId('c')}.json`): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const previous = process.env['NEO4J_URI'];
  process.env['NEO4J_URI'] = testNeo4jUri();
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await run(args);
    const text = (spy: typeof out): string => spy.mock.calls.map((c) => String(c[0])).join('');
    return { code, stdout: text(out), stderr: text(err) };
  } finally {
    out.mockRestore();
    err.mockRestore();
    if (previous === undefined) delete process.env['NEO4J_URI'];
    else process.env['NEO4J_URI'] = previous;
  }
}

/** RFC 4180 reader (quoted fields with commas, doubled quotes): what pandas and R do with the file. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const ours = <T extends Record<string, unknown>>(rows: T[]): T[] => rows.filter((r) => String(r['patientId']).startsWith(base));
const EVENT = { event: { text: disease } };
const SEQUENCE = { sequence: { first: { text: disease }, then: { type: 'SURGERY', text: surgery }, maxDays: 30 } };

describe('oncotimeline cohort: export', () => {
  it('CSV of patients: header, then the matching patients in id order (denied and family mentions do not match)', async () => {
    const { code, stdout, stderr } = await cli(['--criteria', criteriaFile(EVENT)]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('patientId');
    expect(ours(parseCsv(stdout))).toEqual([{ patientId: id('a') }, { patientId: id('b') }, { patientId: id('d') }]);
    expect(stderr).toMatch(/cohort: \d+ patients → stdout/);
  });

  it('JSON lines of patients for a sequence with a window: only the patient operated within 30 days', async () => {
    const { code, stdout } = await cli(['--criteria', criteriaFile(SEQUENCE), '--format', 'jsonl']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as { patientId: string });
    expect(ours(rows)).toEqual([{ patientId: id('a') }]);
  });

  it('--events as CSV: each matching mention with dates, source span and criteria; fields with commas and quotes survive', async () => {
    const { code, stdout, stderr } = await cli(['--criteria', criteriaFile(SEQUENCE), '--events']);
    expect(code).toBe(0);
    const rows = ours(parseCsv(stdout));
    expect(rows.map((r) => [r['patientId'], r['type'], r['text'], r['timeStart'], r['timeEnd'], r['undated'], r['criteria']])).toEqual([
      [id('a'), 'DISEASE', `${disease},"II期"`, '2018-03-12', '2018-03-12', 'false', 'sequence.first'],
      [id('a'), 'SURGERY', surgery, '2018-03-26', '2018-03-26', 'false', 'sequence.then'],
    ]);
    for (const r of rows) {
      // The span points at the mention in its record's text.
      expect(recordText.get(r['recordId']!)!.slice(Number(r['start']), Number(r['end']))).toBe(r['text']);
      expect(r['mentionId']).toBe(`${r['recordId']}:${r['start']}-${r['end']}`);
    }
    // The mention text goes to the export only, never to the log.
    expect(stderr).not.toContain(tag);
    expect(stderr).toMatch(/cohort: \d+ patients, \d+ event rows → stdout/);
  });

  it('--events as JSON lines to --out: typed values, lists as lists, the file written whole', async () => {
    const out = path.join(dir, 'events.jsonl');
    const { code, stdout } = await cli(['--criteria', criteriaFile(EVENT), '--events', '--format', 'jsonl', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    const rows = ours(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
    expect(rows.map((r) => [r['patientId'], r['recordedAt'], r['timeStart'], r['assertion'], r['subject'], r['criteria']])).toEqual([
      [id('a'), '2018-03-12', '2018-03-12', 'PRESENT', 'PATIENT', ['event']],
      [id('b'), '2018-01-01', '2018-01-01', 'PRESENT', 'PATIENT', ['event']],
      [id('d'), '2018-02-20', '2018-02-20', 'PRESENT', 'PATIENT', ['event']],
    ]);
    expect(typeof rows[0]!['start']).toBe('number');
    expect(rows[0]!['undated']).toBe(false);
    expect(rows[0]!['conceptCode']).toBeNull();
  });
});

describe('oncotimeline cohort: bad input exits 2 with a clear message, writing nothing', () => {
  it.each([
    ['not JSON', '{"event": {"type": "SURGERY"', 'expected JSON, got invalid JSON'],
    ['an unknown type', { event: { type: 'OPERATION' } }, 'BAD_USER_INPUT: criteria.event.type: expected one of DISEASE'],
    ['two fields in one node', { event: { type: 'SURGERY' }, not: { event: { type: 'DRUG' } } }, 'criteria: expected exactly one of event, sequence, all, any, not, got event, not'],
    ['an impossible date', { event: { type: 'SURGERY', from: '2018-02-30' } }, 'INVALID_DATE'],
    ['a tree too deep', { not: { not: { not: { not: { not: { not: { not: { event: { type: 'DRUG' } } } } } } } } }, 'COHORT_TOO_COMPLEX'],
  ])('a criteria file with %s', async (_, content, message) => {
    const file = criteriaFile(content);
    const out = path.join(dir, `${uniqueId('never')}.csv`);
    const { code, stdout, stderr } = await cli(['--criteria', file, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--criteria ${file}: `);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file, a missing flag, an unknown format', async () => {
    const missing = await cli(['--criteria', path.join(dir, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, `oncotimeline cohort: --criteria ${path.join(dir, 'nope.json')}: cannot read it (ENOENT)\n`]);
    const none = await cli(['--format', 'csv']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--criteria: required');
    const format = await cli(['--criteria', criteriaFile(EVENT), '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format: expected one of csv, jsonl, got 'xlsx'");
  });
});
