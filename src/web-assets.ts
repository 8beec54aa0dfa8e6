/**
 * The browser side of the platform, built by Vite from `web/` into `dist/web/` (`npm run build`): the timeline viewer
 * at `GET /`, GraphiQL at `GET /graphql` for browsers (a request that prefers `text/html`), and the hashed bundles under
 * `/assets/`. Everything is served from this process, so both pages work on a network with no internet.
 * JSON GraphQL (POST, or GET preferring JSON) falls through to Apollo.
 *
 * @example
 *   mountWebAssets(app);                        // before app.use('/graphql', expressMiddleware(apollo))
 *   // GET /          Accept: text/html         → dist/web/index.html (viewer)
 *   // GET /graphql   Accept: text/html         → dist/web/graphiql.html
 *   // GET /graphql?query={__typename}  Accept: application/json → next() (Apollo)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response } from 'express';

/**
 * `dist/web/` seen from `dist/web-assets.js` and from `src/web-assets.ts` alike (tests that run the server from source
 * serve the last build).
 */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

/**
 * Only this origin: the pages must never reach a CDN (the point of bundling), and a page that tried would fail loudly
 * in development rather than silently on a hospital network. Inline styles: vis-timeline and Monaco position by style.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

export function mountWebAssets(app: Express, webDir: string = DEFAULT_WEB_DIR): void {
  app.get('/', (_req, res) => sendPage(res, webDir, 'index.html'));
  app.get('/graphql', (req, res, next) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    sendPage(res, webDir, 'graphiql.html');
  });
  // File names carry a content hash, so a browser may keep them for good.
  app.use('/assets', express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
}

/** A browser navigating (`text/html` before JSON in Accept); curl's `*` and GraphQL clients pick a JSON type first. */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

function sendPage(res: Response, webDir: string, file: string): void {
  res.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
  res.sendFile(file, { root: webDir }, (error) => {
    if (!error || res.headersSent) return;
    // Not built (the server runs from source, or `vite build` was skipped): say how to fix it instead of a bare 404.
    res
      .status(404)
      .type('text/plain')
      .send(`${file} is not built: run \`npm run build\` (it builds web/ into dist/web/). JSON GraphQL works at POST /graphql.\n`);
  });
}
