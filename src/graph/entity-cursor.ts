/**
 * `entities` cursors: domain/'s page cursors over the last mention id (`<recordId>:<start>-<end>`), the key the search
 * is ordered by. A cursor that is not one (garbage, truncated, re-encoded) is BAD_USER_INPUT, not an empty page.
 *
 * @example
 *   encodeEntityCursor('P001-R01:3-6')    // 'UDAwMS1SMDE6My02'
 *   decodeEntityCursor('UDAwMS1SMDE6My02') // 'P001-R01:3-6'
 *   decodeEntityCursor('@@@')              // throws BadUserInputError "after: expected a cursor from a previous page, …"
 */
import { encodePageCursor, invalidCursorError, pageCursorKey } from '../domain/index.js';

const MENTION_ID = /^[\s\S]+:\d+-\d+$/;

export const encodeEntityCursor: (mentionId: string) => string = encodePageCursor;

export function decodeEntityCursor(cursor: string): string {
  const id = pageCursorKey(cursor, (key) => MENTION_ID.test(key));
  if (id === null) throw invalidCursorError(cursor);
  return id;
}
