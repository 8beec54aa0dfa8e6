/**
 * The viewer's parts that read the newer API, in real Chromium against the built platform with the shipped model
 * (no network beyond the platform): the id box suggests stored patients (`patients`), the search by event lists the
 * matching patients with their count (`cohort`) and opens one, and a record's possible, denied and family mentions are
 * marked and filtered as the timeline's `assertions`/`subjects` arguments say, with the page's toggle to show them all.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../../src/domain/record.js';
import { uniqueId } from '../../helpers/neo4j.js';
import { gqlData } from '../helpers/graphql-client.js';
import type { PlatformProcess } from '../helpers/platform-process.js';
import { chromiumCheck, launchChromium, openOfflinePage, screenshot, type OfflinePage } from './helpers/chromium.js';
import { startBrowserPlatform, submitRecords, waitForJob } from './helpers/platform-session.js';

const SHIPPED = path.join(fileURLToPath(new URL('../../../', import.meta.url)), 'models/ccks-union-hybrid');
const chromium = chromiumCheck();
const noModel = !existsSync(path.join(SHIPPED, 'config.json'));

interface Mention {
  undated: boolean;
  time: { start: string };
  entity: { id: string; type: string; text: string; assertion: string; subject: string; concept: { code: string; name: string } | null };
}
const EVERY_MENTION = `query ($id: ID!) { patient(id: $id) { timeline(assertions: [PRESENT, POSSIBLE, ABSENT], subjects: [PATIENT, FAMILY, OTHER]) {
  undated time { start } entity { id type text assertion subject concept { code name } } } } }`;
const COHORT_COUNT = 'query ($type: EntityType, $text: String) { cohort(criteria: { event: { type: $type, text: $text } }) { count } }';

describe.skipIf(chromium.skip || noModel)(`viewer: patient search and mention filter in Chromium${chromium.reason}${noModel ? ' [skipped: no shipped model]' : ''}`, { timeout: 300_000 }, () => {
  let platform: PlatformProcess & { origin: string };
  let browser: Browser;
  let tab: OfflinePage;
  // One prefix for this run's patients: the id box is tried with it, and no other test's patient starts with it.
  const prefix = uniqueId('viewer-search');
  const records: ClinicalRecord[] = [
    {
      patientId: `${prefix}-A`,
      recordId: `${prefix}-A-R01`,
      kind: 'ADMISSION',
      recordedAt: '2018-03-20',
      text: '患者女，52岁。2018-03-13在全麻下行左乳癌改良根治术，术后病理示：左乳浸润性导管癌。',
    },
    { patientId: `${prefix}-B`, recordId: `${prefix}-B-R01`, kind: 'ADMISSION', recordedAt: '2019-06-10', text: '患者男，61岁。2019-06-02行胃癌根治术，术后恢复可。' },
    { patientId: `${prefix}-C`, recordId: `${prefix}-C-R01`, kind: 'PROGRESS', recordedAt: '2019-05-02', text: '患者无发热，母亲患卵巢癌。考虑肺转移可能。' },
  ];
  const [a, b, c] = records.map((r) => r.patientId) as [string, string, string];
  let mentions: Map<string, Mention[]>;
  const mention = (patient: string, text: string): Mention => {
    const found = mentions.get(patient)!.find((m) => m.entity.text === text);
    expect(found, `the shipped model finds ${text} in ${patient}'s record: ${JSON.stringify(mentions.get(patient))}`).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    platform = await startBrowserPlatform(SHIPPED);
    browser = await launchChromium();
    await waitForJob(platform.url, await submitRecords(platform.url, records));
    mentions = new Map();
    for (const id of [a, b, c]) {
      mentions.set(id, (await gqlData<{ patient: { timeline: Mention[] } }>(platform.url, EVERY_MENTION, { id })).patient.timeline);
    }
    tab = await openOfflinePage(browser, { width: 1280, height: 800 }, platform.origin);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    if (platform) expect(await platform.kill('SIGTERM')).toBe(0);
  }, 120_000);

  it('suggests the stored patients in the id box and opens the one chosen', async () => {
    const { page } = tab;
    await page.goto(`${platform.origin}/`);
    const box = page.getByLabel('Patient', { exact: true });
    await box.fill(prefix);
    const suggested = () => page.locator('#known-patients option').evaluateAll((options) => options.map((o) => `${(o as HTMLOptionElement).value} · ${o.textContent}`));
    await expect.poll(suggested).toEqual([`${a} · 1 record`, `${b} · 1 record`, `${c} · 1 record`]);
    expect(await box.getAttribute('list')).toBe('known-patients');
    await box.fill(`${prefix}-B`);
    await expect.poll(suggested).toEqual([`${b} · 1 record`]);
    await box.fill(c);
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('patient')).toBe(c);
    await expect.poll(() => page.locator('[data-testid=patient-bar] strong').textContent()).toBe(c);
    await screenshot(page, 'viewer-suggestions');
  });

  it('finds patients by event (SURGERY containing 根治术) with their count and opens one', async () => {
    const { page } = tab;
    await page.goto(`${platform.origin}/`);
    const search = page.getByRole('form', { name: 'Find patients by event' });
    const find = search.getByRole('button', { name: 'Find' });
    expect(await find.isDisabled(), 'an empty search is not sent (the API needs a type or a text)').toBe(true);
    await search.getByRole('combobox', { name: 'event type' }).selectOption('SURGERY');
    await search.getByRole('textbox').fill('根治术');

    const before = await cohortCount(platform.url);
    await find.click();
    const result = page.locator('[data-testid=cohort-result]');
    await result.locator('.cohort-count').waitFor();
    const after = await cohortCount(platform.url);
    const shown = Number(/^(\d+) patients?$/.exec((await result.locator('.cohort-count').textContent()) ?? '')?.[1]);
    // Other test files may store patients meanwhile: the count shown is the API's at the time of the search.
    expect(shown).toBeGreaterThanOrEqual(Math.max(before, 2));
    expect(shown).toBeLessThanOrEqual(after);
    // Pages of 50 in id order: ask for more until this run's patients are listed (or there is no more).
    const listed = () => result.locator('button.link').allTextContents();
    for (let i = 0; i < 20 && !(await listed()).includes(b); i++) {
      const more = result.locator('button.more');
      if ((await more.count()) === 0) break;
      const count = (await listed()).length;
      await more.click();
      await expect.poll(async () => (await listed()).length).toBeGreaterThan(count);
    }
    const ids = await listed();
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    expect(ids, 'a patient without a surgery is not a match').not.toContain(c);
    expect(ids.length).toBeLessThanOrEqual(shown);

    await result.getByRole('button', { name: b, exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('patient')).toBe(b);
    const surgery = mention(b, '胃癌根治术');
    const item = page.locator(`.vis-item[data-id="${surgery.entity.id}"]`);
    await item.waitFor({ state: 'visible' });
    expect(await item.getAttribute('data-day')).toBe('2019-06-02');
    expect(await result.getByRole('button', { name: b, exact: true }).getAttribute('aria-current')).toBe('true');
    await screenshot(page, 'viewer-cohort');
    expect(tab.foreignRequests).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });

  it('marks a possible finding and leaves out denied and family mentions until asked for them', async () => {
    const { page } = tab;
    const possible = mention(c, '肺转移');
    const absent = mention(c, '发热');
    const family = mention(c, '卵巢癌');
    expect([possible.entity.assertion, absent.entity.assertion, family.entity.subject]).toEqual(['POSSIBLE', 'ABSENT', 'FAMILY']);
    const item = (m: Mention): Locator => page.locator(`.vis-item[data-id="${m.entity.id}"]`);

    await page.goto(`${platform.origin}/?patient=${encodeURIComponent(c)}`);
    await item(possible).waitFor({ state: 'visible' });
    await expect.poll(() => renderedEvents(page)).toBe(1);
    expect(await item(possible).getAttribute('class')).toContain('assertion-POSSIBLE');
    expect(await item(possible).locator('.ev-mark').allTextContents()).toEqual(['可能']);
    expect(await item(absent).count()).toBe(0);
    expect(await item(family).count()).toBe(0);
    expect(await page.locator('.legend').textContent()).toContain('可能 possible');

    await item(possible).click();
    const source = page.locator('[data-testid=source]');
    await source.locator('mark.hl-entity').waitFor();
    expect(await source.locator('mark.hl-entity').textContent()).toBe('肺转移');
    expect(await source.locator('dd.assertion').textContent()).toBe('POSSIBLE');
    if (possible.entity.concept) expect(await source.textContent()).toContain(`${possible.entity.concept.code} ${possible.entity.concept.name}`);

    const toggle = page.getByRole('checkbox', { name: "also denied findings and relatives' histories" });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await item(absent).waitFor({ state: 'visible' });
    await item(family).waitFor({ state: 'visible' });
    expect(await item(absent).getAttribute('class')).toContain('assertion-ABSENT');
    expect(await item(absent).locator('.ev-mark').allTextContents()).toEqual(['无']);
    expect(await item(absent).locator('.ev-text').evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await item(family).getAttribute('class')).toContain('subject-FAMILY');
    expect(await item(family).locator('.ev-mark').allTextContents()).toEqual(['家族']);
    // The other view is a first render of its own (three events, not the one shown before), and nothing flashes as new.
    await expect.poll(() => renderedEvents(page)).toBe(3);
    expect(await page.locator('.vis-item.is-new').count()).toBe(0);
    expect(await toggle.isChecked()).toBe(true);
    await screenshot(page, 'viewer-every-mention');

    await toggle.uncheck();
    await item(absent).waitFor({ state: 'detached' });
    expect(await item(family).count()).toBe(0);
    expect(await item(possible).count()).toBe(1);
    expect(tab.foreignRequests).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});

async function cohortCount(url: string): Promise<number> {
  return (await gqlData<{ cohort: { count: number } }>(url, COHORT_COUNT, { type: 'SURGERY', text: '根治术' })).cohort.count;
}

async function renderedEvents(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.documentElement.dataset['renderedEvents']));
}
