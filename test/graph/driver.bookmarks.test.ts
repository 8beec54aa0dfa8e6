import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDriver } from '../../src/graph/driver.js';
import { testDriver, uniqueId } from '../helpers/neo4j.js';

// Read-your-own-writes on a cluster: every session of the process shares one bookmark manager, so the bookmark of a
// write is what the next read waits for. On the single test instance we can only see the bookmarks move.
describe('GraphDriver causal bookmarks', () => {
  let driver: GraphDriver;
  beforeAll(async () => {
    driver = await testDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('keeps the bookmark of the last write for the sessions that follow', async () => {
    const id = uniqueId('bookmark-probe');
    await driver.runGenerated('CREATE (:BookmarkProbe {id: $id})', { id }, { mode: 'WRITE' });
    const afterFirst = await driver.causalBookmarks();
    expect(afterFirst.length).toBeGreaterThan(0);
    await driver.runGenerated('MATCH (n:BookmarkProbe {id: $id}) DELETE n', { id }, { mode: 'WRITE' });
    const afterSecond = await driver.causalBookmarks();
    expect(afterSecond.length).toBeGreaterThan(0);
    expect(afterSecond).not.toEqual(afterFirst);
    // A read neither needs nor changes them (it waits for them).
    await driver.runGenerated('RETURN 1 AS one', {}, { mode: 'READ' });
    expect(await driver.causalBookmarks()).toEqual(afterSecond);
  });
});
