import { describe, expect, it } from 'vitest';
import { GraphDriver } from '../../src/graph/driver.js';
import { decodeJobCursor, encodeJobCursor } from '../../src/jobs/job.cursor.js';

describe('GraphDriver misuse', () => {
  it('connect rejects when nothing answers within the timeout', async () => {
    await expect(GraphDriver.connect({ uri: 'bolt://127.0.0.1:1', connectTimeoutMs: 0 })).rejects.toThrow();
  });
});

describe('job cursors', () => {
  it('round-trip and reject garbage with BAD_USER_INPUT', () => {
    const c = encodeJobCursor({ createdAt: '2026-01-01T00:00:00.000Z', id: 'j1' });
    expect(decodeJobCursor(c)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', id: 'j1' });
    expect(() => decodeJobCursor('garbage')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => decodeJobCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow('after: expected a cursor from a previous page');
  });
});
