import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The same model in PyTorch eager, via models/train's `oncotimeline_train.bench_pytorch` (prints `{"charsPerSecond"}`). */
export type PytorchResult = { charsPerSecond: number; raw: Record<string, unknown> } | { charsPerSecond: null; reason: string };

export async function runPytorchBench(repoRoot: string, modelDir: string, records: readonly string[], timeoutMs: number): Promise<PytorchResult> {
  const trainDir = path.join(repoRoot, 'models', 'train');
  const python = path.join(repoRoot, '.venv', 'bin', 'python');
  if (!existsSync(path.join(trainDir, 'oncotimeline_train', 'bench_pytorch.py'))) {
    return { charsPerSecond: null, reason: 'models/train/oncotimeline_train/bench_pytorch.py is not present' };
  }
  if (!existsSync(python)) return { charsPerSecond: null, reason: '.venv/bin/python is not present' };
  // The same records, as CCKS JSON lines in a temp file (outside the repository; removed afterwards).
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-ner-'));
  const data = path.join(dir, 'records.jsonl');
  writeFileSync(data, records.map((originalText) => JSON.stringify({ originalText, entities: [] })).join('\n') + '\n');
  try {
    return await new Promise<PytorchResult>((resolve) => {
      const child = spawn(python, ['-m', 'oncotimeline_train.bench_pytorch', '--model-dir', modelDir, '--data', data], {
        cwd: trainDir,
        env: { ...process.env, PYTHONPATH: trainDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const last = stdout.trim().split('\n').reverse().find((l) => l.trim().startsWith('{'));
        try {
          const parsed = JSON.parse(last ?? '') as Record<string, unknown>;
          if (code === 0 && typeof parsed['charsPerSecond'] === 'number') {
            resolve({ charsPerSecond: parsed['charsPerSecond'], raw: parsed });
            return;
          }
        } catch {
          // fall through to the failure report
        }
        const why = signal ? `killed by ${signal} after ${timeoutMs} ms` : `exit code ${code}`;
        resolve({ charsPerSecond: null, reason: `bench_pytorch failed (${why}): ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
