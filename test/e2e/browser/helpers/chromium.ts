/**
 * Debian's Chromium driven by playwright-core for the browser tests; nothing downloads a browser build (.ci/run
 * installs `chromium` and `fonts-noto-cjk` with apt). The page may talk to the platform under test only: every
 * other request is aborted and recorded, so a test can assert that the page works with no network.
 *
 * Availability: without /usr/bin/chromium the suites skip with the reason in their name, except under CI (CI=1),
 * where a missing browser fails them (`chromiumCheck`).
 *
 * @example
 *   const browser = await launchChromium();
 *   const { page, foreignRequests } = await openOfflinePage(browser, { width: 1280, height: 800 });
 *   await page.goto(platformOrigin);
 *   expect(foreignRequests).toEqual([]);
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** `skip`: run nothing (local machine without Chromium); `reason` goes into the suite's name. */
export function chromiumCheck(): { skip: boolean; reason: string } {
  if (existsSync(CHROMIUM_PATH)) return { skip: false, reason: '' };
  const reason = `${CHROMIUM_PATH} is absent (apt-get install -y chromium fonts-noto-cjk)`;
  if (process.env['CI']) return { skip: false, reason: '' }; // launchChromium fails with the reason
  process.stderr.write(`browser tests skipped: ${reason}\n`); // also in the suite's name, for reporters that hide output
  return { skip: true, reason: ` [skipped: ${reason}]` };
}

/** The flags this machine needs: no sandbox as root, and no background calls to Google's hosts (no network here). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`expected Chromium at ${CHROMIUM_PATH} (CI installs it: apt-get install -y chromium fonts-noto-cjk), got nothing there`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

export interface OfflinePage {
  page: Page;
  /** URLs the page tried to load from anywhere but the platform (aborted). */
  foreignRequests: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
}

export async function openOfflinePage(browser: Browser, viewport: { width: number; height: number }, origin: string): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else {
      foreignRequests.push(url);
      await route.abort('internetdisconnected');
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, foreignRequests, pageErrors };
}

/** Saves a screenshot as a test artefact under test-results/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
