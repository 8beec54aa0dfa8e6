import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseGoldLine } from '../../src/assertion/evaluate/gold-line.js';
import { run } from '../../src/cli/evaluate-assertion.command.js';

// Invented sentences (no dataset text); f4's gold is deliberately wrong, so the scores are not all 1.
const FIXTURE = fileURLToPath(new URL('../fixtures/assertion/invented.jsonl', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'evaluate-assertion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the command in-process and returns its exit code, stdout and stderr. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, out, err };
}

function badFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const good = JSON.stringify({ id: 'g', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 3, label_type: 'SYMPTOM', assertion: 'ABSENT' }] });

describe('oncotimeline evaluate-assertion', () => {
  it('scores gold spans and prints the documented JSON', async () => {
    const { code, out, err } = await cli(['--data', FIXTURE, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['accuracy', 'macroF1', 'perClass', 'subjectAccuracy', 'entities']);
    expect(r).toMatchObject({ accuracy: 0.9, subjectAccuracy: 1, entities: 10 });
    const close = (x: number) => expect.closeTo(x, 12) as unknown as number;
    expect(r['perClass']).toEqual({
      PRESENT: { precision: 0.75, recall: 1, f1: close(6 / 7), gold: 3 },
      ABSENT: { precision: 1, recall: 0.8, f1: close(8 / 9), gold: 5 },
      POSSIBLE: { precision: 1, recall: 1, f1: 1, gold: 2 },
    });
    expect(r['macroF1']).toBeCloseTo((6 / 7 + 8 / 9 + 1) / 3, 12);
  });

  it('prints a table without --json, and never the record text', async () => {
    const { code, out } = await cli(['--data', FIXTURE]);
    expect(code).toBe(0);
    expect(out).toMatch(/accuracy\s+0\.9000/);
    expect(out).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('reports subjectAccuracy null when no gold line names a subject', async () => {
    const { out } = await cli(['--data', badFile('nosubject.jsonl', [good, '']), '--json']);
    expect(JSON.parse(out)).toMatchObject({ accuracy: 1, subjectAccuracy: null, entities: 1 });
  });

  it.each([
    ['not JSON', '{秘密', 'line 2: expected a JSON object, got text that does not parse as JSON'],
    ['no text', JSON.stringify({ id: 'x', entities: [] }), 'line 2: expected originalText to be a string, got undefined'],
    ['span out of range', JSON.stringify({ id: 'x', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 4, label_type: 'SYMPTOM', assertion: 'ABSENT' }] }),
      'line 2: entities[0]: expected integer 0 <= start_pos < end_pos <= 3 (code points), got 1, 4'],
    ['unknown label', JSON.stringify({ id: 'x', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 3, label_type: 'FOO', assertion: 'ABSENT' }] }),
      'line 2: entities[0]: expected label_type to be a CCKS label or one of DISEASE, IMAGING, LAB_TEST, SURGERY, DRUG, ANATOMY, SYMPTOM, EXAM, TREATMENT, got "FOO"'],
    ['unknown assertion', JSON.stringify({ id: 'x', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 3, label_type: 'SYMPTOM', assertion: 'NEG' }] }),
      'line 2: entities[0]: expected assertion one of PRESENT, ABSENT, POSSIBLE, got "NEG"'],
    ['unknown subject', JSON.stringify({ id: 'x', originalText: '无发热', entities: [{ start_pos: 1, end_pos: 3, label_type: 'SYMPTOM', assertion: 'ABSENT', subject: 'MOTHER' }] }),
      'line 2: entities[0]: expected subject one of PATIENT, FAMILY, OTHER or absent, got "MOTHER"'],
  ])('exits 2 on a malformed file (%s) with the line number, quoting no text', async (name, line, message) => {
    const file = badFile(`${name.replace(/\s/g, '-')}.jsonl`, [good, line]);
    const { code, out, err } = await cli(['--data', file, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`evaluate-assertion: ${file}: ${message}\n`);
  });

  it('exits 2 on a missing file and on unknown options', async () => {
    expect((await cli(['--data', path.join(dir, 'nope.jsonl')])).err).toMatch(/cannot read .*nope\.jsonl: ENOENT/);
    expect((await cli(['--data', path.join(dir, 'nope.jsonl')])).code).toBe(2);
    const bad = await cli(['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown option --frobnicate');
    expect((await cli(['--data'])).err).toContain('--data: expected a path, got nothing');
  });
});

describe('gold line parsing', () => {
  it('converts code points to UTF-16 and maps CCKS labels to types', () => {
    const line = JSON.stringify({ id: 7, originalText: '𠮷无发热', entities: [{ start_pos: 2, end_pos: 4, label_type: '症状和体征', assertion: 'ABSENT', subject: 'PATIENT' }] });
    expect(parseGoldLine(line, 1)).toEqual({
      id: '7', text: '𠮷无发热', mentions: [{ start: 3, end: 5, type: 'SYMPTOM', assertion: 'ABSENT', subject: 'PATIENT' }],
    });
  });
});
