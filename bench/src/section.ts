/**
 * A benchmark section (`bench/src/<name>.bench.ts`): runs, then returns a JSON summary (stored under its name in
 * `bench/results-<date>.json`) and a markdown block for the summary file. `main.ts` composes the sections.
 */
export interface BenchContext {
  /** Repository root (absolute). */
  repoRoot: string;
  /** `--name value` flags and `--flag` booleans from the command line (sections read their own). */
  flags: ReadonlyMap<string, string | true>;
  /** Progress lines (stderr); never record text. */
  log(message: string): void;
}

export interface SectionResult {
  summary: Record<string, unknown>;
  markdown: string;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

/** A string option: `--flag value`, else env `envName`, else `fallback`. */
export function option(ctx: BenchContext, flag: string, envName: string, fallback: string): string {
  const v = ctx.flags.get(flag);
  return typeof v === 'string' ? v : (process.env[envName] ?? fallback);
}
