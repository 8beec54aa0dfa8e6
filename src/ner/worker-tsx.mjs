// Source-mode bootstrap (vitest, tsx): Node workers cannot load .ts with `--import tsx` on Node 20
// (ERR_UNKNOWN_FILE_EXTENSION), so register tsx's loader in this thread, then load the TypeScript worker.
// Compiled runs (dist/) use dist/ner/worker.js directly; see worker-url.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
