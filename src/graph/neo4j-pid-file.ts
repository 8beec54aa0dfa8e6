/**
 * `<DATA_DIR>/neo4j.pid`: which embedded Neo4j (pid, Bolt port) the platform started for this DATA_DIR, so that a
 * later start can find one left running by a process that died without stopping it (SIGKILL, a crash) and stop it
 * before starting its own, instead of failing on the store lock or the port.
 *
 * @example
 *   writePidFile('/srv/.data', { pid: 4242, port: 7687 });
 *   await stopStaleNeo4j('/srv/.data', log)   // 4242 still a Launcher on /srv/.data/neo4j → SIGTERM (SIGKILL after 30 s)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from '../log/index.js';

export interface PidFileContent {
  pid: number;
  port: number;
}

const FILE = 'neo4j.pid';

export function pidFilePath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

export function writePidFile(dataDir: string, content: PidFileContent): void {
  writeFileSync(pidFilePath(dataDir), `${JSON.stringify({ ...content, startedAt: new Date().toISOString() })}\n`);
}

export function readPidFile(dataDir: string): PidFileContent | null {
  try {
    const value = JSON.parse(readFileSync(pidFilePath(dataDir), 'utf8')) as Partial<PidFileContent>;
    return Number.isInteger(value.pid) && Number.isInteger(value.port) ? { pid: value.pid!, port: value.port! } : null;
  } catch {
    return null;
  }
}

export function removePidFile(dataDir: string): void {
  rmSync(pidFilePath(dataDir), { force: true });
}

/** True when `pid` is alive and is the dev Launcher serving `storeDir` (not a recycled pid of something else). */
export function isOurLauncher(pid: number, storeDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('Launcher') && cmdline.includes(storeDir);
  } catch {
    return false; // gone (or no /proc: then we cannot tell, and leave it alone)
  }
}

/** Stops a Launcher for this DATA_DIR left running by an earlier process; returns its pid, or null if there was none. */
export async function stopStaleNeo4j(dataDir: string, log: Log, graceMs = 30_000): Promise<number | null> {
  const stale = readPidFile(dataDir);
  const storeDir = path.join(dataDir, 'neo4j');
  if (stale === null || !isOurLauncher(stale.pid, storeDir)) {
    removePidFile(dataDir);
    return null;
  }
  log(`neo4j: stopping the embedded Neo4j left running by an earlier process (pid ${stale.pid}, port ${stale.port})`);
  signal(stale.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isOurLauncher(stale.pid, storeDir)) {
    if (Date.now() > deadline) {
      signal(stale.pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  removePidFile(dataDir);
  return stale.pid;
}

/** Signals the process group (the Launcher leads its own, see embedded-neo4j.ts), else the process. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}
