/**
 * Page cursors of cohort and patient listings: the last patient id of a page, base64url-encoded (opaque to clients,
 * stable because pages are in patient-id order). A cursor that is not the canonical encoding of a non-empty id is
 * rejected with BAD_USER_INPUT rather than silently read as some other position.
 *
 * @example
 *   encodeCursor('P001')      // 'UDAwMQ'
 *   decodeCursor('UDAwMQ')    // 'P001'
 *   decodeCursor(null)        // ''  (first page)
 */
import { BadUserInputError } from '../errors/index.js';

export function encodeCursor(patientId: string): string {
  return Buffer.from(patientId, 'utf8').toString('base64url');
}

export function decodeCursor(after: string | null | undefined): string {
  if (after == null || after === '') return '';
  const id = Buffer.from(after, 'base64url').toString('utf8');
  if (id === '' || encodeCursor(id) !== after) {
    throw new BadUserInputError('after: expected the endCursor of a previous page, got an invalid cursor', { field: 'after' });
  }
  return id;
}
