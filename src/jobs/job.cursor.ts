/**
 * Opaque job-list cursors: the page-cursor rule (domain/page-cursor.ts) over the key `[createdAt, id]`, the keyset the
 * list is ordered by, as JSON.
 *
 * @example
 *   encodeJobCursor({ createdAt: '2026-01-01T00:00:00.000Z', id: 'j1' })   // 'WyIyMDI2LTAx...'
 *   decodeJobCursor('garbage')   // throws BadUserInputError "after: expected a cursor from a previous page, ..."
 */
import { encodePageCursor, invalidCursorError, pageCursorKey } from '../domain/index.js';

export function encodeJobCursor(job: { createdAt: string; id: string }): string {
  return encodePageCursor(JSON.stringify([job.createdAt, job.id]));
}

export function decodeJobCursor(cursor: string): { createdAt: string; id: string } {
  const key = pageCursorKey(cursor, (k) => parseKey(k) !== null);
  const parsed = key === null ? null : parseKey(key);
  if (parsed === null) throw invalidCursorError(cursor); // the cursor is not echoed: a caller may have put anything there
  return parsed;
}

function parseKey(key: string): { createdAt: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(key);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // not JSON: not a key
  }
  return null;
}
