/**
 * The module rules ARCHITECTURE.md states, checked by dependency-cruiser over `src/`
 * (`npx depcruise src`, and `test/architecture/dependency-rules.test.ts` in every test run).
 *
 * - A module is a folder `src/<module>/`; its `index.ts` is the only file other modules import.
 * - Dependencies point down only: ALLOWED lists, per module, the modules it may import. The composition roots
 *   (`src/main.ts`, `src/server.ts`, `src/cli/`) may import any module, through its index.
 * - Runtime libraries stay in the module that owns them (the Neo4j driver in graph/, GraphQL in api/, …).
 * - No import cycles.
 *
 * Parsed with swc: dependency-cruiser's TypeScript parser needs the `typescript` JS API, which TypeScript 7 (the
 * native compiler this project builds with) does not ship.
 */

/** module → the modules it may import (its own files aside). Everything not listed is forbidden. */
const ALLOWED = {
  domain: ['errors'],
  errors: [],
  log: [],
  time: ['domain', 'errors'],
  ner: ['log', 'domain', 'errors'],
  assertion: ['domain', 'errors'],
  normalise: ['domain', 'errors'],
  graph: ['log', 'domain', 'errors'],
  auth: ['domain', 'errors'],
  config: ['auth', 'domain', 'errors'],
  pipeline: ['ner', 'assertion', 'normalise', 'time', 'log', 'domain', 'errors'],
  cohort: ['graph', 'log', 'domain', 'errors'],
  synth: ['graph', 'log', 'domain', 'errors'],
  jobs: ['pipeline', 'ner', 'assertion', 'normalise', 'time', 'graph', 'config', 'log', 'domain', 'errors'],
  queue: ['jobs', 'pipeline', 'ner', 'assertion', 'normalise', 'time', 'graph', 'config', 'log', 'domain', 'errors'],
  api: [
    'jobs', 'cohort', 'pipeline', 'ner', 'assertion', 'normalise', 'time', 'graph', 'auth', 'config', 'log', 'domain', 'errors',
  ],
};

/** npm package (regular expression on the resolved path) → the only modules that may import it. */
const OWNED_PACKAGES = [
  { name: 'neo4j-driver', owners: ['graph'] },
  { name: 'graphql|type-graphql|@apollo|graphql-[^/]+|@graphql-yoga|@escape\\.tech|@as-integrations', owners: ['api'] },
  { name: 'onnxruntime-node', owners: ['ner'] },
  { name: 'bullmq|ioredis', owners: ['queue'] },
  { name: 'pino|pino-pretty', owners: ['log'] },
];

const ROOTS = '^src/(main|server|web-assets)\\.ts$|^src/cli/';

const layerRules = Object.entries(ALLOWED).map(([module, allowed]) => ({
  name: `layer-${module}`,
  comment: `${module}/ may import only ${allowed.length ? allowed.join(', ') : 'its own files'} (ARCHITECTURE.md: dependencies point down only)`,
  severity: 'error',
  from: { path: `^src/${module}/` },
  to: { path: '^src/', pathNot: `^src/(${[module, ...allowed].join('|')})/` },
}));

const packageRules = OWNED_PACKAGES.map(({ name, owners }) => ({
  name: `package-${name.split('|')[0].replace(/[^a-z0-9]+/g, '-')}`,
  comment: `${name.replaceAll('\\', '')}: imported only by ${owners.join(', ')}/`,
  severity: 'error',
  from: { path: '^src/', pathNot: [`^src/(${owners.join('|')})/`, ROOTS] },
  to: { path: `node_modules/(${name})/` },
}));

/** One known violation per `to`: rule `rule`, importing file `from`. */
const known = (rule, from, ...tos) => tos.map((to) => ({ type: 'dependency', from, to, rule: { severity: 'error', name: rule } }));

/**
 * Known exceptions: none today. Should one ever be needed, each entry is one import that breaks a rule (`known(rule,
 * from, ...tos)`); a new violation, even in the same file, is not covered.
 */
const knownViolations = [];

module.exports = {
  forbidden: [
    {
      name: 'module-surface',
      comment: "another module's internals: import its index.ts (src/<module>/index.ts is a module's only entry)",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-surface-roots',
      comment: "a composition root imports a module through its index.ts only",
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: '^src/[^/]+/index\\.ts$' },
    },
    {
      name: 'roots-are-not-imported',
      comment: 'no module imports a composition root (main.ts, server.ts, the CLI)',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: '^src/cli/' },
      to: { path: '^src/(main|server)\\.ts$|^src/cli/' },
    },
    ...layerRules,
    ...packageRules,
    {
      name: 'no-cycles',
      comment: 'no import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    knownViolations,
  },
};
