// `npm start` (after checking for a browser and `npm run build`): Chromium with Picket on the
// offline demo, served locally at https://www.instagram.com/ and https://www.facebook.com/.
//   With a display (DISPLAY set, no --headless): the browser stays open until you close it or
//   press Ctrl-C.
//   Without one: screenshots go to demo-output/, their paths are printed, and it exits 0.
// Options:
//   --headless   screenshots even when a display is there
//   --dark       also the dark-theme screenshots (feeds, a badge card, popup and options)
//   --all        --dark plus the Spanish popup (popup-es.png, from a second browser in Spanish)
//   --readme     --all, then copies the README's screenshots into docs/screenshots/
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  chromiumPath,
  demoRoutes,
  extensionDir,
  launchWithExtension,
  repoRoot,
  startSiteServer,
  type ExtensionBrowser,
  type SiteServer,
} from '../harness';

const INSTAGRAM_URL = 'https://www.instagram.com/';
const FACEBOOK_URL = 'https://www.facebook.com/';
// PICKET_DEMO_OUTPUT lets a test write the screenshots elsewhere than the working tree.
const OUTPUT_DIR = resolve(repoRoot, process.env.PICKET_DEMO_OUTPUT ?? 'demo-output');
const README_DIR = resolve(repoRoot, 'docs/screenshots');
const POPUP_VIEWPORT = { width: 400, height: 600 };
const BADGE_TIMEOUT_MS = 15_000;

/** The screenshots the README shows; refreshed with --readme. */
const README_SHOTS = [
  'instagram-feed.png',
  'instagram-badge-popover.png',
  'facebook-feed.png',
  'facebook-badge-popover.png',
  'popup.png',
  'options.png',
  'instagram-feed-dark.png',
  'instagram-badge-popover-dark.png',
  'facebook-feed-dark.png',
  'popup-dark.png',
  'options-dark.png',
  'popup-es.png',
];

interface Options {
  headless: boolean;
  dark: boolean;
  spanish: boolean;
  readme: boolean;
}

function parseOptions(argv: string[]): Options {
  const known = new Set(['--headless', '--dark', '--all', '--readme']);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length > 0) {
    console.error(`Unknown option(s): ${unknown.join(' ')}`);
    console.error('Usage: npm start [-- --headless] [--dark] [--all] [--readme]');
    process.exit(2);
  }
  const readme = argv.includes('--readme');
  const all = readme || argv.includes('--all');
  return {
    headless: argv.includes('--headless') || !process.env.DISPLAY,
    dark: all || argv.includes('--dark'),
    spanish: all,
    readme,
  };
}

/** Waits for the content script to badge the page; false when nothing appears in time. */
async function waitForBadges(page: Page): Promise<boolean> {
  try {
    await page.locator('picket-badge').first().waitFor({ timeout: BADGE_TIMEOUT_MS });
    // Let the page settle (late badges, the deferred page report) before capturing it.
    await page.waitForTimeout(500);
    return true;
  } catch {
    return false;
  }
}

async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  // The popup reads the local database and asks the background about the tab: wait for both.
  await popup.waitForLoadState('networkidle');
  await popup
    .getByTestId('on-this-page')
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await popup.waitForTimeout(500);
  return popup;
}

class Shots {
  readonly written: string[] = [];

  async take(page: Page, name: string): Promise<void> {
    const path = resolve(OUTPUT_DIR, name);
    await page.screenshot({ path });
    this.written.push(path);
  }
}

/** Opens a badge's card with a real click, photographs it, and closes it again. */
async function popoverShot(shots: Shots, page: Page, handle: string, name: string): Promise<void> {
  await page.bringToFront();
  const badge = page.locator(`picket-badge[data-handle="${handle}"]`).first();
  const target = (await badge.count()) > 0 ? badge : page.locator('picket-badge').first();
  await target.click();
  await page.waitForTimeout(400);
  await shots.take(page, name);
  // A press anywhere else on the page closes a pinned popover.
  await page.mouse.click(4, page.viewportSize()!.height - 4);
  await page.waitForTimeout(200);
}

async function screenshots(server: SiteServer, options: Options): Promise<boolean> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const shots = new Shots();
  let started = Date.now();
  const browser = await launchWithExtension({ port: server.port, headless: true });
  console.log(`Chromium with Picket started in ${Date.now() - started} ms.`);
  let badged: boolean;
  try {
    const instagram = await browser.context.newPage();
    started = Date.now();
    await instagram.goto(INSTAGRAM_URL);
    badged = await waitForBadges(instagram);
    if (badged) console.log(`Badges on the Instagram demo after ${Date.now() - started} ms.`);
    await shots.take(instagram, 'instagram-feed.png');

    if (badged) await popoverShot(shots, instagram, 'kimkardashian', 'instagram-badge-popover.png');

    const facebook = await browser.context.newPage();
    await facebook.goto(FACEBOOK_URL);
    const facebookBadged = await waitForBadges(facebook);
    await shots.take(facebook, 'facebook-feed.png');
    if (facebookBadged) {
      await popoverShot(shots, facebook, 'KimKardashian', 'facebook-badge-popover.png');
    }

    const instagramTab = await browser.tabIdOf(instagram);
    const popup = await openPopup(browser, instagramTab);
    await shots.take(popup, 'popup.png');

    const optionsPage = await browser.openExtensionPage('options.html');
    await optionsPage.waitForLoadState('networkidle');
    await optionsPage.waitForTimeout(500);
    await shots.take(optionsPage, 'options.png');

    if (options.dark) {
      await instagram.bringToFront();
      await instagram.emulateMedia({ colorScheme: 'dark' });
      await instagram.waitForTimeout(300);
      await shots.take(instagram, 'instagram-feed-dark.png');
      if (badged) {
        await popoverShot(shots, instagram, 'kimkardashian', 'instagram-badge-popover-dark.png');
      }
      await facebook.bringToFront();
      await facebook.emulateMedia({ colorScheme: 'dark' });
      await facebook.waitForTimeout(300);
      await shots.take(facebook, 'facebook-feed-dark.png');
      await optionsPage.emulateMedia({ colorScheme: 'dark' });
      await optionsPage.waitForTimeout(300);
      await shots.take(optionsPage, 'options-dark.png');
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.waitForTimeout(300);
      await shots.take(popup, 'popup-dark.png');
    }
  } finally {
    await browser.close();
  }

  if (options.spanish) {
    // The extension's language is the browser's UI language, fixed at launch: a second browser.
    const spanish = await launchWithExtension({ port: server.port, headless: true, locale: 'es' });
    try {
      const instagram = await spanish.context.newPage();
      await instagram.goto(INSTAGRAM_URL);
      await waitForBadges(instagram);
      const popup = await openPopup(spanish, await spanish.tabIdOf(instagram));
      await shots.take(popup, 'popup-es.png');
    } finally {
      await spanish.close();
    }
  }

  console.log('Screenshots:');
  for (const path of shots.written) console.log(`  ${path}`);

  if (options.readme) {
    mkdirSync(README_DIR, { recursive: true });
    const written = README_SHOTS.filter((name) => existsSync(resolve(OUTPUT_DIR, name)));
    for (const name of written) copyFileSync(resolve(OUTPUT_DIR, name), resolve(README_DIR, name));
    console.log(
      `Copied ${written.length} of ${README_SHOTS.length} screenshots into ${README_DIR}`,
    );
  }
  return badged;
}

async function interactive(server: SiteServer): Promise<void> {
  const browser = await launchWithExtension({
    port: server.port,
    headless: false,
    viewport: null,
    handleSignals: false,
  });
  const facebook = await browser.context.newPage();
  await facebook.goto(FACEBOOK_URL);
  const instagram = browser.context.pages()[0] ?? (await browser.context.newPage());
  await instagram.goto(INSTAGRAM_URL);
  await instagram.bringToFront();
  console.log('Picket is running on the offline demo:');
  console.log(`  ${INSTAGRAM_URL}  (and ${INSTAGRAM_URL}leonardodicaprio/)`);
  console.log(`  ${FACEBOOK_URL}`);
  console.log(
    'Open the Picket toolbar button for the popup. Close the browser or press Ctrl-C to stop.',
  );
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await browser.close();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // No browser: its one line (what to install) is all main's catch prints, before any server.
  const browserPath = chromiumPath();
  const server = await startSiteServer({ routes: demoRoutes() });
  try {
    console.log(`Demo server on 127.0.0.1:${server.port}; extension from ${extensionDir()}`);
    console.log(`Browser: ${browserPath}`);
    if (options.headless) {
      const badged = await screenshots(server, options);
      if (!badged) {
        console.error(
          'No badge appeared on the Instagram demo: the screenshots show the page without Picket.',
        );
        process.exitCode = 1;
      }
    } else {
      await interactive(server);
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
