/**
 * Where the inference worker script is. From compiled code (`dist/ner/*.js`, the CLI, the server, the benchmark) it
 * is the sibling `worker.js`. From TypeScript sources (vitest, tsx) it is `worker-tsx.mjs`, which registers tsx in the
 * worker and imports `worker.ts` — so tests always run the current source, never a stale `dist/`.
 */
export function resolveWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return moduleUrl.endsWith('.ts') ? new URL('./worker-tsx.mjs', moduleUrl) : new URL('./worker.js', moduleUrl);
}
