/** Page cursors: the last patient id, base64url; anything that is not a canonical cursor is BAD_USER_INPUT. */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/cohort/cursor.js';

describe('cursor', () => {
  it('round-trips any id, Unicode included; no cursor is the first page', () => {
    for (const id of ['P001', '患者-7', 'a/b+c=', ' ']) expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(encodeCursor('P001')).toBe('UDAwMQ');
    expect(decodeCursor(null)).toBe('');
    expect(decodeCursor(undefined)).toBe('');
    expect(decodeCursor('')).toBe('');
  });

  it.each(['!!!', 'UDAwMQ==', 'UDAwMQ ', 'U', '%%', 'UDAwM'])('rejects %j without echoing it', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({
      code: 'BAD_USER_INPUT', message: 'after: expected the endCursor of a previous page, got an invalid cursor',
    }));
  });
});
