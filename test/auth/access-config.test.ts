/**
 * Access configuration (src/auth/keys.ts, origin-check.ts, config.ts): key entries, key checks, the origin list, and
 * the rule that a non-loopback HOST without keys refuses to start (exit 78).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authenticate, parseApiKeys, sha256Hex } from '../../src/auth/keys.js';
import { isLoopbackHost } from '../../src/auth/loopback.js';
import { allowedOrigins, originAllowed } from '../../src/auth/origin-check.js';
import { can } from '../../src/auth/roles.js';
import { loadConfig } from '../../src/config/config.js';
import { ConfigInvalidError } from '../../src/errors/index.js';
import { main } from '../../src/main.js';

const hash = sha256Hex('s3cret-key');

describe('API keys', () => {
  it('parses name:role:sha256 entries and reports every bad one without quoting a hash', () => {
    const { keys, problems } = parseApiKeys(`ward:clinician:${hash}, lab:researcher:${hash.toUpperCase()} ,bad:nurse:${hash},raw:admin:s3cret-key,ward:admin:${hash}`, 'API_KEYS');
    expect(keys).toEqual([{ name: 'ward', role: 'clinician', sha256: hash }, { name: 'lab', role: 'researcher', sha256: hash }]);
    expect(problems).toEqual([
      "API_KEYS entry 3 (bad): expected role clinician, researcher or admin, got 'nurse'",
      'API_KEYS entry 4 (raw): expected the key\'s SHA-256 as 64 hex digits (printf %s "$KEY" | sha256sum), not the key itself',
      "API_KEYS entry 5: name 'ward' is used twice",
    ]);
  });

  it('finds the principal of a Bearer key, and says missing or invalid otherwise', () => {
    const { keys } = parseApiKeys(`ward:clinician:${hash}`, 'API_KEYS');
    expect(authenticate(keys, 'Bearer s3cret-key')).toEqual({ name: 'ward', role: 'clinician' });
    expect(authenticate(keys, 's3cret-key')).toEqual({ name: 'ward', role: 'clinician' });
    expect(authenticate(keys, 'Bearer wrong')).toBe('invalid');
    expect(authenticate(keys, undefined)).toBe('missing');
    expect(authenticate(keys, '  ')).toBe('missing');
    expect(authenticate(keys, 42)).toBe('missing');
  });

  it('grants a researcher reads but never record text, submissions, previews or jobs', () => {
    expect(['read', 'readText', 'submit', 'extract', 'jobs'].map((p) => can('researcher', p))).toEqual([true, false, false, false, false]);
    expect(['read', 'readText', 'submit', 'extract', 'jobs'].every((p) => can('clinician', p))).toBe(true);
    expect(can('admin', 'anything-added-later')).toBe(true);
    expect(can('clinician', 'anything-added-later')).toBe(false);
  });
});

describe('WebSocket origins', () => {
  it("allows the server's own origins and clients that send none, and nothing else", () => {
    const own = allowedOrigins(null, '127.0.0.1', 4000);
    expect(originAllowed(own, 'http://127.0.0.1:4000')).toBe(true);
    expect(originAllowed(own, 'http://LOCALHOST:4000/')).toBe(true);
    expect(originAllowed(own, undefined)).toBe(true);
    expect(originAllowed(own, 'http://evil.example')).toBe(false);
    expect(originAllowed(own, 'http://127.0.0.1:4001')).toBe(false);
    expect(originAllowed(own, 'null')).toBe(false);
    const listed = allowedOrigins(['https://timeline.hospital.example'], '0.0.0.0', 4000);
    expect(originAllowed(listed, 'https://timeline.hospital.example')).toBe(true);
    expect(originAllowed(listed, 'http://127.0.0.1:4000')).toBe(false);
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.1.1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', 'timeline.hospital.example'].some(isLoopbackHost)).toBe(false);
  });
});

describe('access configuration', () => {
  it('needs no key on loopback (every caller is admin) and reads keys from API_KEYS and API_KEYS_FILE', () => {
    expect(loadConfig({}).access).toEqual({ keys: [], allowedOrigins: null, maxSubscriptionsPerConnection: 100 });
    const dir = mkdtempSync(path.join(tmpdir(), 'oncotimeline-keys-'));
    writeFileSync(path.join(dir, 'keys'), `# research team\nlab:researcher:${hash}\n`);
    const config = loadConfig({ HOST: '0.0.0.0', API_KEYS: `ward:clinician:${hash}`, API_KEYS_FILE: 'keys', ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080', MAX_SUBSCRIPTIONS_PER_CONNECTION: '7' }, dir);
    expect(config.access.keys.map((k) => `${k.name}:${k.role}`)).toEqual(['ward:clinician', 'lab:researcher']);
    expect(config.access.allowedOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.access.maxSubscriptionsPerConnection).toBe(7);
  });

  it('refuses a non-loopback HOST without keys, an empty key list and bad origins', () => {
    const problems = (env: Record<string, string>): readonly string[] => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigInvalidError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems({ HOST: '0.0.0.0' })).toEqual([
      "API_KEYS or API_KEYS_FILE: required when HOST is not a loopback address (got '0.0.0.0'): without keys anyone who reaches the port reads every record",
    ]);
    expect(problems({ API_KEYS: ' , # nothing' })).toEqual(['API_KEYS / API_KEYS_FILE: set but no valid key entry (name:role:sha256hex)']);
    expect(problems({ API_KEYS_FILE: '/nonexistent/keys' })).toContain("API_KEYS_FILE: cannot read '/nonexistent/keys' (ENOENT)");
    expect(problems({ ALLOWED_ORIGINS: 'evil.example/path' })).toEqual(["ALLOWED_ORIGINS: expected origins like http://host:port, got 'evil.example/path'"]);
  });

  it('makes main exit 78 with a clear message when HOST is not loopback and no key is configured', async () => {
    const logs: string[] = [];
    expect(await main({ HOST: '0.0.0.0', PORT: '0' }, (m) => logs.push(m))).toBe(78);
    expect(logs.join('\n')).toMatch(/API_KEYS or API_KEYS_FILE: required when HOST is not a loopback address/);
  });

  it('makes the built platform (npm start) exit 78 on HOST=0.0.0.0 without keys, before starting anything', () => {
    const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', HOST: '0.0.0.0', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/invalid configuration:\n {2}- API_KEYS or API_KEYS_FILE: required when HOST is not a loopback address \(got '0\.0\.0\.0'\)/);
    expect(run.stderr).not.toMatch(/neo4j|listening/);
  });
});
