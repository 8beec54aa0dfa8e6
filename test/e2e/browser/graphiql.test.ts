/**
 * GraphiQL at `GET /graphql` in real Chromium with no network beyond the platform: the bundled IDE loads, its
 * documentation explorer reads the schema, the examples of examples/queries.graphql are its tabs, a query runs over
 * HTTP and a subscription over graphql-ws. JSON GraphQL on the same path still reaches Apollo (whose CDN landing page
 * is off). Small model (e2e-fixtures.ts): the test is about the IDE, not the entities.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../../helpers/neo4j.js';
import { e2eModelDir, exampleRecords } from '../helpers/e2e-fixtures.js';
import type { PlatformProcess } from '../helpers/platform-process.js';
import { chromiumCheck, launchChromium, openOfflinePage, screenshot, type OfflinePage } from './helpers/chromium.js';
import { startBrowserPlatform, submitRecords } from './helpers/platform-session.js';

const chromium = chromiumCheck();
const EXAMPLES = readFileSync(new URL('../../../examples/queries.graphql', import.meta.url), 'utf8');
const OPERATIONS = parse(EXAMPLES).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));

describe.skipIf(chromium.skip)(`GraphiQL in Chromium${chromium.reason}`, { timeout: 300_000 }, () => {
  let platform: PlatformProcess & { origin: string };
  let browser: Browser;
  let tab: OfflinePage;

  beforeAll(async () => {
    platform = await startBrowserPlatform(e2eModelDir());
    browser = await launchChromium();
    tab = await openOfflinePage(browser, { width: 1280, height: 800 }, platform.origin);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    if (platform) expect(await platform.kill('SIGTERM')).toBe(0);
  }, 120_000);

  it('answers JSON GraphQL on GET and POST /graphql, and the IDE only to browsers', async () => {
    // Apollo's CSRF prevention wants a preflight header on GET, as before the IDE existed.
    const get = await fetch(`${platform.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const html = await fetch(platform.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // no CDN, no Apollo Sandbox
  });

  it('runs a query offline, with the examples as tabs and the schema in the docs', async () => {
    const { page } = tab;
    await page.goto(platform.url);
    await page.locator('.graphiql-tab').first().waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(OPERATIONS.length);
    await selectTab(page, 'Jobs');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 30_000 }).toContain('"jobs"');
    // Monaco draws only the visible lines of a long response: check its head.
    expect(await page.locator('.graphiql-response').textContent()).toMatch(/"data":\s*\{\s*"jobs":\s*\{\s*"nodes"/);

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await screenshot(page, 'graphiql-query');
    expect(tab.foreignRequests).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });

  it('runs a subscription over graphql-ws', async () => {
    const { page } = tab;
    await selectTab(page, 'AllJobs');
    await page.locator('.graphiql-execute-button').click();
    // Give graphql-ws a moment to open and subscribe; a job submitted after that must reach the response.
    await page.waitForTimeout(1_000);
    const prefix = uniqueId('graphiql');
    const jobId = await submitRecords(platform.url, exampleRecords(prefix).slice(0, 1));
    // Monaco wraps long lines, so compare without whitespace.
    const response = async () => ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, '');
    await expect.poll(response, { timeout: 60_000 }).toContain(jobId);
    expect(await page.locator('.graphiql-response').textContent()).toContain('"extractionEvents"');
    await screenshot(page, 'graphiql-subscription');
    expect(tab.foreignRequests).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});

/** Opens the example tab named after its operation, once the operation editor shows that operation. */
async function selectTab(page: Page, operation: string): Promise<void> {
  const editorText = async () => ((await page.locator('.graphiql-query-editor .view-lines').textContent()) ?? '').replace(/\s+/g, ' ');
  await page.locator('.graphiql-query-editor .view-lines').waitFor();
  // A click while Monaco is still starting can leave the editor on the first tab: click until the document shows.
  await expect
    .poll(async () => {
      if (!(await editorText()).includes(` ${operation}`)) await page.locator('.graphiql-tab-button').filter({ hasText: new RegExp(`^${operation}$`) }).click();
      return editorText();
    }, { timeout: 20_000, interval: 300 })
    .toMatch(new RegExp(`(query|mutation|subscription) ${operation}\\b`));
  // GraphiQL re-reads the operation name 100 ms (debounced) after the editor changes; running sooner would send the
  // previous tab's operation name with this tab's document.
  await page.waitForTimeout(400);
}
