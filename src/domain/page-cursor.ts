/**
 * Page cursors, one rule for every listing: a cursor is the base64url encoding of the key the listing is ordered by
 * (a patient id, a mention id, …), opaque to clients. Decoding accepts only the canonical encoding of a valid key,
 * so garbage, a truncated or re-encoded cursor is refused (BAD_USER_INPUT) instead of read as some other position.
 *
 * @example
 *   encodePageCursor('P001')                 // 'UDAwMQ'
 *   pageCursorKey('UDAwMQ')                  // 'P001'
 *   pageCursorKey('UDAwMQ==')                // null (not canonical)
 *   throw invalidCursorError('@@@')          // "after: expected a cursor from a previous page (pageInfo.endCursor), got 3 characters that are not one"
 */
import { BadUserInputError } from '../errors/index.js';

export function encodePageCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key `cursor` encodes, or null when it is not the canonical encoding of a key that `isKey` accepts (default: non-empty). */
export function pageCursorKey(cursor: string, isKey: (key: string) => boolean = (key) => key !== ''): string | null {
  if (cursor === '') return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return encodePageCursor(key) === cursor && isKey(key) ? key : null;
}

/** The error for an `after` that is not a cursor of this listing (the cursor itself is not echoed, only its length). */
export function invalidCursorError(cursor: string): BadUserInputError {
  return new BadUserInputError(`after: expected a cursor from a previous page (pageInfo.endCursor), got ${cursor.length} characters that are not one`,
    { field: 'after' });
}
