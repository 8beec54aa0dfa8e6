/**
 * type-graphql's `authChecker`: a field marked `@Authorized(PERMISSIONS.x)` runs only when the caller's role holds
 * every named permission (roles.ts); otherwise the field fails with `FORBIDDEN` before its resolver runs, so a denied
 * call reads and changes nothing. Callers without a valid key never get this far (HTTP 401 / WebSocket 4401).
 * type-graphql applies it to a subscription's `subscribe` too, so a denied subscription never starts.
 *
 * @example
 *   // researcher: { record(id: "R1") { id text } }
 *   // → errors[0].extensions: { code: 'FORBIDDEN', role: 'researcher', field: 'RecordNode.text', needs: ['readText'] }
 */
import type { AuthChecker } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors/index.js';
import { can } from '../../auth/index.js';

export const authChecker: AuthChecker<ApiContext> = ({ context, info }, permissions) => {
  const principal = context.principal;
  if (!principal) throw new UnauthenticatedError('missing');
  if (permissions.every((permission) => can(principal.role, permission))) return true;
  throw new ForbiddenError(principal.role, `${info.parentType.name}.${info.fieldName}`, permissions);
};
