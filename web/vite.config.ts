/**
 * Builds the browser pages into dist/web/ (`npm run build:web`, part of `npm run build`): the timeline viewer
 * (index.html, Preact + vis-timeline) and GraphiQL (graphiql.html, React + Monaco). Everything the pages load is in
 * dist/web/assets/, with content-hashed names; src/web-assets.ts serves them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: page('.'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  // The viewer's JSX is Preact's; GraphiQL's entry is written without JSX (it is React).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: page('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // GraphiQL's Monaco editor is large by nature; the viewer's budget (500 KB gzipped) is checked by the browser test.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: { index: page('index.html'), graphiql: page('graphiql.html') },
      // GraphiQL's dependencies mark React Server Components boundaries ("use client"); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
