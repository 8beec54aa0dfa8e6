/**
 * API keys: configured as `name:role:sha256hex` entries (comma-separated in `API_KEYS`, one per line in
 * `API_KEYS_FILE`, `#` starts a comment), so the platform stores only SHA-256 hashes of the keys, never the keys.
 * A key is a long random secret (e.g. `openssl rand -hex 32`); its hash: `printf %s "$KEY" | sha256sum`.
 * Plain SHA-256 suffices because keys are random, not passwords; JWTs (jose) were left out: a hospital deployment
 * issues a handful of service keys, and hashed keys need no clock, issuer or signing key to manage.
 *
 * @example
 *   const { keys } = parseApiKeys('ward-3:clinician:9f86d0…', 'API_KEYS');
 *   authenticate(keys, 'Bearer test')   // { name: 'ward-3', role: 'clinician' } when sha256('test') is 9f86d0…
 *   authenticate(keys, undefined)       // 'missing'
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isRole, type Principal, type Role } from './roles.js';

export interface ApiKeyEntry {
  readonly name: string;
  readonly role: Role;
  /** SHA-256 of the key, lowercase hex. */
  readonly sha256: string;
}

/** Parses entries separated by commas or newlines; collects every problem (never quoting a hash). */
export function parseApiKeys(text: string, source: string): { keys: ApiKeyEntry[]; problems: string[] } {
  const keys: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const entries = text.split(/[,\n]/).map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line !== '');
  entries.forEach((entry, i) => {
    const [name = '', role = '', hash = '', ...rest] = entry.split(':');
    const where = `${source} entry ${i + 1}`;
    if (rest.length > 0 || !/^[\w.@-]{1,64}$/.test(name)) {
      problems.push(`${where}: expected name:role:sha256hex with a name of letters, digits, ._@- (got name '${name.slice(0, 64)}')`);
    } else if (!isRole(role)) {
      problems.push(`${where} (${name}): expected role clinician, researcher or admin, got '${role.slice(0, 32)}'`);
    } else if (!/^[0-9a-fA-F]{64}$/.test(hash)) {
      problems.push(`${where} (${name}): expected the key's SHA-256 as 64 hex digits (printf %s "$KEY" | sha256sum), not the key itself`);
    } else if (keys.some((k) => k.name === name)) {
      problems.push(`${where}: name '${name}' is used twice`);
    } else {
      keys.push({ name, role, sha256: hash.toLowerCase() });
    }
  });
  return { keys, problems };
}

export function sha256Hex(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The principal an `Authorization` value (`Bearer <key>`; a bare key is accepted too) names, or why there is none.
 * Compares every configured hash in constant time.
 */
export function authenticate(keys: readonly ApiKeyEntry[], authorization: unknown): Principal | 'missing' | 'invalid' {
  if (typeof authorization !== 'string' || authorization.trim() === '') return 'missing';
  const key = authorization.trim().replace(/^Bearer\s+/i, '');
  if (key === '' || key.length > 1024) return 'invalid';
  const presented = Buffer.from(sha256Hex(key), 'hex');
  let found: ApiKeyEntry | null = null;
  for (const entry of keys) {
    if (timingSafeEqual(presented, Buffer.from(entry.sha256, 'hex')) && found === null) found = entry;
  }
  return found ? { name: found.name, role: found.role } : 'invalid';
}
