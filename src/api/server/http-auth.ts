/**
 * Authentication of `POST /graphql` (and JSON `GET`): with keys configured, a request without a valid
 * `Authorization: Bearer <key>` is answered 401 `UNAUTHENTICATED` before GraphQL sees it (so it runs nothing);
 * otherwise the caller's principal goes to `res.locals.principal` for the context. With no keys configured (loopback
 * development) every caller is `OPEN_PRINCIPAL` (admin).
 *
 * @example
 *   app.use('/graphql', express.json(), requireApiKey(keys), apollo);
 *   // no header → 401 {"errors":[{"message":"authentication required: …","extensions":{"code":"UNAUTHENTICATED"}}]}
 */
import type { RequestHandler, Response } from 'express';
import { sendError } from './http-errors.js';
import { UnauthenticatedError } from '../../errors/index.js';
import { authenticate, type ApiKeyEntry, OPEN_PRINCIPAL, type Principal } from '../../auth/index.js';

export function requireApiKey(keys: readonly ApiKeyEntry[]): RequestHandler {
  return (req, res, next) => {
    if (keys.length === 0) {
      res.locals['principal'] = OPEN_PRINCIPAL;
      next();
      return;
    }
    const result = authenticate(keys, req.headers.authorization);
    if (typeof result === 'string') {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'UNAUTHENTICATED', new UnauthenticatedError(result).message);
      return;
    }
    res.locals['principal'] = result;
    next();
  };
}

/** The principal `requireApiKey` found for this response. */
export function principalOf(res: Response): Principal {
  return (res.locals['principal'] as Principal | undefined) ?? OPEN_PRINCIPAL;
}
