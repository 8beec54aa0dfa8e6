import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Machine details recorded with every benchmark run. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  availableParallelism: number;
  memoryGiB: number;
  loadAverage1m: number;
  node: string;
  onnxruntimeNode: string;
  platform: string;
}

export function describeMachine(repoRoot: string): MachineInfo {
  let ort = 'unknown';
  try {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/onnxruntime-node/package.json'), 'utf8')) as { version: string };
    ort = pkg.version;
  } catch {
    ort = 'not installed';
  }
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    availableParallelism: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    // Load before the run: a model training on the same cores shows up here and depresses every number.
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    onnxruntimeNode: ort,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}
