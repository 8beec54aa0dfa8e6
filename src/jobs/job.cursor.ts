/**
 * Opaque job-list cursors: base64url of `[createdAt, id]`, the keyset the list is ordered by.
 *
 * @example
 *   encodeJobCursor({ createdAt: '2026-01-01T00:00:00.000Z', id: 'j1' })   // 'WyIyMDI2LTAx...'
 *   decodeJobCursor('garbage')   // throws BadUserInputError "after: expected a cursor from a previous page, ..."
 */
import { BadUserInputError } from '../errors/index.js';

export function encodeJobCursor(job: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([job.createdAt, job.id]), 'utf8').toString('base64url');
}

export function decodeJobCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // not JSON: reported below with the same message as a wrong shape
  }
  // The cursor is not echoed: a caller may have put anything there.
  throw new BadUserInputError(`after: expected a cursor from a previous page (pageInfo.endCursor), got ${cursor.length} characters that are not one`,
    { field: 'after' });
}
