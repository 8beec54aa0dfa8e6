/**
 * Opaque `entities` cursors: base64url of the last mention id (`<recordId>:<start>-<end>`), the key the search is
 * ordered by. A cursor that is not one (garbage, truncated, re-encoded) is BAD_USER_INPUT, not an empty page.
 *
 * @example
 *   encodeEntityCursor('P001-R01:3-6')    // 'UDAwMS1SMDE6My02'
 *   decodeEntityCursor('UDAwMS1SMDE6My02') // 'P001-R01:3-6'
 *   decodeEntityCursor('@@@')              // throws BadUserInputError "after: expected a cursor from a previous page, …"
 */
import { BadUserInputError } from '../errors/index.js';

const MENTION_ID = /^[\s\S]+:\d+-\d+$/;

export function encodeEntityCursor(mentionId: string): string {
  return Buffer.from(mentionId, 'utf8').toString('base64url');
}

export function decodeEntityCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (cursor !== '' && encodeEntityCursor(id) === cursor && MENTION_ID.test(id)) return id;
  throw new BadUserInputError(`after: expected a cursor from a previous page (pageInfo.endCursor), got ${cursor.length} characters that are not one`,
    { field: 'after' });
}
