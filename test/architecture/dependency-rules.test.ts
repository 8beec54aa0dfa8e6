/**
 * The module rules of ARCHITECTURE.md (`.dependency-cruiser.cjs`): `src/` keeps them, and they bite — the same
 * rules over a small fixture tree with forbidden imports report exactly those imports.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/architecture/', import.meta.url));
const CONFIG = `${ROOT}.dependency-cruiser.cjs`;
const DEPCRUISE = `${ROOT}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/** Runs dependency-cruiser over `src` in `cwd`; its violations that count (known exceptions are reported as `ignore`). */
function cruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`depcruise produced no output (exit ${run.status}): ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.filter((v) => v.rule.severity !== 'ignore');
}

/** `rule: from → to`, a package's path from `node_modules/` on (the fixture resolves the repository's packages). */
const show = (vs: Violation[]): string[] =>
  vs.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*?(?=node_modules\/)/, '')}`).sort();

describe('module rules (dependency-cruiser)', () => {
  it('src/ has no violations beyond the listed known exceptions', () => {
    expect(show(cruise(ROOT))).toEqual([]);
  }, 120_000);

  it('flags forbidden imports: internals, an upward module, a package owned elsewhere, a cycle', () => {
    expect(show(cruise(FIXTURE))).toEqual([
      'layer-ner: src/ner/engine.ts → src/graph/index.ts',
      'module-surface: src/api/resolver.ts → src/graph/driver.ts',
      'no-cycles: src/graph/driver.ts → src/graph/pool.ts',
      'package-neo4j-driver: src/ner/engine.ts → node_modules/neo4j-driver/lib/index.js',
    ]);
  }, 120_000);
});
