/**
 * Credentials of the platform's embedded Neo4j: a random password generated into `<DATA_DIR>/neo4j/password`
 * (mode 0600) on first start and read on every later one. The launcher (`tools/neo4j-dev`, `NEO4J_PASSWORD_FILE`)
 * turns auth on and gives user `neo4j` this password, so no other local process can run Cypher on the Bolt port.
 * Throw-away stores (tests, benchmarks, `start-ci.sh`) run without auth and never call this.
 *
 * @example
 *   ensureNeo4jPassword('/srv/.data', log)
 *   // first call: writes /srv/.data/neo4j/password (43 characters, base64url of 32 random bytes, mode 0600)
 *   // → { user: 'neo4j', password: 'q5Yf…', file: '/srv/.data/neo4j/password' }
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from '../log/index.js';

export interface Neo4jCredentials {
  readonly user: 'neo4j';
  readonly password: string;
  /** The file the launcher reads (`NEO4J_PASSWORD_FILE`). */
  readonly file: string;
}

/** Neo4j refuses shorter passwords (`dbms.security.auth_minimum_password_length`). */
const MIN_LENGTH = 8;

export function neo4jPasswordPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'neo4j', 'password');
}

/** Reads the password file, creating it (0600) when absent; a file readable by others is narrowed to 0600. */
export function ensureNeo4jPassword(dataDir: string, log: Log = () => undefined): Neo4jCredentials {
  const file = neo4jPasswordPath(dataDir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: never overwrite a password another process has just written (two starts racing on one DATA_DIR).
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    log(`neo4j: generated the embedded Neo4j's password into ${file} (mode 0600)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log(`neo4j: ${file} was readable by others (mode ${mode.toString(8)}); now 0600`);
  }
  const password = readFileSync(file, 'utf8').trim();
  if (password.length < MIN_LENGTH) {
    throw new Error(`${file}: expected a password of at least ${MIN_LENGTH} characters, got ${password.length}; delete the file to generate a new one`);
  }
  return { user: 'neo4j', password, file };
}
