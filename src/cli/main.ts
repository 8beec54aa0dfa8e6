#!/usr/bin/env node
/**
 * `oncotimeline <command> [...args]`: dispatches to `src/cli/<command>.command.ts`.
 * Commands are imported lazily so `extract` never loads the GraphQL server and `ingest` never loads the evaluator.
 */
import 'reflect-metadata';

type CommandModule = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  extract: { summary: 'print the entities of a text as JSON', load: () => import('./extract.command.js') },
  evaluate: { summary: 'score the NER model on a CCKS 2019-format file', load: () => import('./evaluate.command.js') },
  'evaluate-time': { summary: 'score time recognition and linking on a guideline-format file', load: () => import('./evaluate-time.command.js') },
  'evaluate-assertion': { summary: 'score assertion (present/absent/possible) and subject on gold spans', load: () => import('./evaluate-assertion.command.js') },
  'evaluate-normalise': { summary: 'score diagnosis normalisation (ICD-10 names) on a CHIP-CDN file', load: () => import('./evaluate-normalise.command.js') },
  ingest: { summary: 'ingest JSON-lines records from a file or folder into the graph', load: () => import('./ingest.command.js') },
  reprocess: { summary: 'run the current pipeline again over stored records (--stale: only outdated ones)', load: () => import('./reprocess.command.js') },
  serve: { summary: 'start the GraphQL platform', load: () => import('./serve.command.js') },
  synth: { summary: 'write N synthetic patients straight to the graph (no NER), idempotent per seed', load: () => import('./synth.command.js') },
  cohort: { summary: 'export the patients (and --events) matching a criteria file, as CSV or JSON lines', load: () => import('./cohort.command.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
  return `usage: oncotimeline <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`oncotimeline: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`oncotimeline: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
