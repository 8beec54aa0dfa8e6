/**
 * The WebSocket upgrade's `Origin` check (cross-site WebSocket hijacking): browsers send the page's origin with every
 * WebSocket handshake and do not apply CORS to it, so without this check any web page a clinician opens could read
 * records over `ws://127.0.0.1:4000/graphql`. Allowed: the configured `ALLOWED_ORIGINS`, else the platform's own
 * origins (`http://127.0.0.1:PORT`, `http://localhost:PORT`, `http://[::1]:PORT`, and `http://HOST:PORT` for a named
 * host); a handshake without `Origin` (a non-browser client: graphql-ws in Node, curl) is allowed. A list, not a
 * comparison with the `Host` header, so DNS rebinding (evil.example resolving to 127.0.0.1) is refused too.
 *
 * @example
 *   const allowed = allowedOrigins(null, '127.0.0.1', 4000);
 *   originAllowed(allowed, 'http://localhost:4000')   // true
 *   originAllowed(allowed, 'http://evil.example')     // false
 *   originAllowed(allowed, undefined)                 // true (no Origin: not a browser)
 */
import { isLoopbackHost } from './loopback.js';

export function allowedOrigins(configured: readonly string[] | null, host: string, port: number): ReadonlySet<string> {
  if (configured !== null) return new Set(configured.map(normaliseOrigin));
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (!isLoopbackHost(host) && host !== '0.0.0.0' && host !== '::') names.push(host.includes(':') ? `[${host}]` : host);
  return new Set(names.map((name) => `http://${name}:${port}`));
}

export function originAllowed(allowed: ReadonlySet<string>, origin: string | undefined): boolean {
  return origin === undefined || allowed.has(normaliseOrigin(origin));
}

function normaliseOrigin(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/+$/, '');
}
