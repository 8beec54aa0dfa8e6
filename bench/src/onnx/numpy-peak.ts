import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * fp32 GEMM throughput of numpy (OpenBLAS) on `threads` threads, best of 5 [n, n] products: a cross-check that the
 * onnxruntime MatMul peak is the machine's, not one runtime's. Needs `.venv/bin/python` with numpy.
 *
 * @example await numpyMatMulPeak(repoRoot, 2048, 2) → { flopsPerSecond: 1.7e11, n: 2048, threads: 2 }
 */
export async function numpyMatMulPeak(
  repoRoot: string, n: number, threads: number,
): Promise<{ flopsPerSecond: number; n: number; threads: number } | { reason: string }> {
  const python = path.join(repoRoot, '.venv', 'bin', 'python');
  if (!existsSync(python)) return { reason: '.venv/bin/python is not present' };
  const script = [
    'import json, time, numpy as np',
    `n = ${n}`,
    'a = np.random.default_rng(0).standard_normal((n, n), dtype=np.float32)',
    'a @ a',
    'best = min((lambda t: (a @ a, time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))',
    'print(json.dumps({"seconds": best}))',
  ].join('\n');
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  const run = spawnSync(python, ['-c', script], { env, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return { reason: `numpy failed: ${(run.stderr || String(run.error ?? '')).trim().split('\n').slice(-1)[0] ?? ''}` };
  const seconds = (JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds?: number }).seconds;
  if (typeof seconds !== 'number' || seconds <= 0) return { reason: 'numpy printed no timing' };
  return { flopsPerSecond: (2 * n ** 3) / seconds, n, threads };
}
