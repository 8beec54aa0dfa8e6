/**
 * The Python reference decoder (models/train `OnnxTagger`: onnxruntime + float64 Viterbi + BIOES + window merge),
 * run now, on this machine, over the same model folder the TypeScript engine loads.
 *
 * Why live and not a recorded fixture: int8 (and to a lesser degree fp32) kernels differ by CPU. onnxruntime picks
 * AVX2, AVX-512 VNNI or AMX kernels at run time; they accumulate and round the quantised products differently, so a
 * fixture recorded on an AVX2 EPYC is not the reference on an AVX-512 Xeon (there 5 of the first dev records differed).
 * Two runtimes of the same onnxruntime version on the same CPU do agree, and that is the contract the engine keeps.
 *
 * Returns null when the project's Python environment (.venv, created by `.ci/run`) is absent; in CI that is an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PythonSpan {
  start: number;
  end: number;
  label: string;
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PYTHON = process.env['PYTHON'] ?? path.join(REPO, '.venv', 'bin', 'python');

/** Whether the live reference can run here; in CI its absence fails the caller instead of skipping. */
export function pythonReferenceAvailable(): boolean {
  const ok = existsSync(PYTHON);
  if (!ok && process.env['CI'] === '1') throw new Error(`CI: no Python reference at ${PYTHON} (.ci/run creates .venv)`);
  return ok;
}

/** Code-point spans per text, as `python -m oncotimeline_train.predict_jsonl` decodes them. */
export function pythonDecode(modelDir: string, texts: readonly string[], options: { head?: string } = {}): PythonSpan[][] {
  const args = ['-m', 'oncotimeline_train.predict_jsonl', '--model', path.resolve(modelDir), '--threads', '1'];
  if (options.head) args.push('--head', options.head);
  const input = texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const out = execFileSync(PYTHON, args, {
    cwd: path.join(REPO, 'models', 'train'),
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONPATH: path.join(REPO, 'models', 'train') },
  });
  const rows = out.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { entities: PythonSpan[] }).entities);
  if (rows.length !== texts.length) throw new Error(`python reference: expected ${texts.length} lines, got ${rows.length}`);
  return rows;
}
