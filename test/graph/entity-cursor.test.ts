/** Invalid pagination cursors (issue 18 § 5): before, a garbage `entities(after:)` silently returned an empty page. */
import { describe, expect, it } from 'vitest';
import { decodeEntityCursor, encodeEntityCursor } from '../../src/graph/entity-cursor.js';
import { ReadRepository } from '../../src/graph/read.repo.js';
import { testDriver } from '../helpers/neo4j.js';

describe('entity cursors', () => {
  it('round-trips a mention id', () => {
    expect(decodeEntityCursor(encodeEntityCursor('P001-R01:3-6'))).toBe('P001-R01:3-6');
  });

  it.each(['@@@', 'garbage', '', encodeEntityCursor('not-a-mention-id'), `${encodeEntityCursor('P1-R1:3-6')}==`])(
    'rejects %j with BAD_USER_INPUT, without echoing it', (cursor) => {
      let error: any;
      try {
        decodeEntityCursor(cursor);
      } catch (e) {
        error = e;
      }
      expect(error?.code).toBe('BAD_USER_INPUT');
      if (cursor.length > 3) expect(error.message).not.toContain(cursor);
    },
  );

  it('searchEntities rejects a garbage cursor instead of answering an empty page', async () => {
    const driver = await testDriver();
    try {
      await expect(new ReadRepository(driver).searchEntities({ first: 5, after: '@@@' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await driver.close();
    }
  });
});
