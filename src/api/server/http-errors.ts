/**
 * HTTP-level failures as GraphQL-shaped JSON, never Express's HTML error page (which shows the stack and server
 * paths): malformed JSON → 400, an unsupported content type or encoding → 415, an oversize body → 413, unknown
 * paths → 404, each with `errors[0].extensions.code`. The log gets status, code and body-parser's error type only:
 * never the error's message or body, which quote the request (record text).
 *
 * @example
 *   app.use('/graphql', express.json({ limit }), requireJsonBody(), apollo);
 *   installHttpErrorHandlers(app, log, limit);   // after every route
 *   // POST /graphql '{"query":"…",}' → 400 {"errors":[{"message":"malformed JSON body …","extensions":{"code":"BAD_REQUEST"}}]}
 */
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Log } from '../../log/index.js';


export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A POST whose body no parser accepted (`req.body` unset) would reach Apollo, which answers 500; answer 415 instead. */
export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST' && req.body === undefined) {
      sendError(res, 415, 'BAD_REQUEST', 'expected a JSON body with content-type application/json');
      return;
    }
    next();
  };
}

/** Registers the 404 handler and the error handler; call after every route. */
export function installHttpErrorHandlers(app: Express, log: Log, bodyLimitBytes: number): void {
  app.use((req, res) => {
    sendError(res, 404, 'NOT_FOUND', `no route ${req.method} ${req.path.slice(0, 100)}; the API is POST /graphql`);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, code, message } = classify(error, bodyLimitBytes);
    const type = (error as { type?: unknown }).type;
    log(`http: ${status} ${code} ${req.method} ${req.path.slice(0, 100)}${typeof type === 'string' ? ` (${type})` : ''}${
      status >= 500 ? ` ${error instanceof Error ? error.name : typeof error}` : ''}`);
    sendError(res, status, code, message);
  });
}

function classify(error: unknown, bodyLimitBytes: number): { status: number; code: string; message: string } {
  const e = (error ?? {}) as { type?: unknown; status?: unknown; expose?: unknown };
  switch (e.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body too large, expected at most ${bodyLimitBytes} bytes` };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'malformed JSON body: expected a JSON object {"query", "variables", "operationName"}' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'BAD_REQUEST', message: 'unsupported content encoding or charset: expected UTF-8 JSON (gzip, deflate or br allowed)' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body ended before its declared length' };
    default:
      break;
  }
  const status = typeof e.status === 'number' ? e.status : 500;
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: 'the request could not be read' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'internal error' };
}
