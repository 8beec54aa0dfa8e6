/**
 * Page cursors of cohort and patient listings: the last patient id of a page (domain/'s page cursors; stable because
 * pages are in patient-id order). A cursor that is not one is rejected with BAD_USER_INPUT.
 *
 * @example
 *   encodeCursor('P001')      // 'UDAwMQ'
 *   decodeCursor('UDAwMQ')    // 'P001'
 *   decodeCursor(null)        // ''  (first page)
 */
import { encodePageCursor, pageCursorKey } from '../domain/index.js';
import { BadUserInputError } from '../errors/index.js';

export const encodeCursor: (patientId: string) => string = encodePageCursor;

export function decodeCursor(after: string | null | undefined): string {
  if (after == null || after === '') return '';
  const id = pageCursorKey(after);
  if (id === null) throw new BadUserInputError('after: expected the endCursor of a previous page, got an invalid cursor', { field: 'after' });
  return id;
}
