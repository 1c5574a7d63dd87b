// Firefox ESR with the built extension (firefox-mv2), pointed at the site server. Firefox has no
// per-port host mapping, so the server listens on 127.0.0.1:443 (the machine runs tests as root)
// and every host name is forced to resolve to 127.0.0.1. The extension is installed as a
// temporary add-on through WebDriver BiDi (puppeteer-core 24).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.PICKET_FIREFOX ?? '/usr/bin/firefox-esr';

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX_PATH);
}

export interface FirefoxErrors {
  page: string;
  text: string;
}

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /** Uncaught exceptions and console errors of the pages opened through newPage(). */
  errors: FirefoxErrors[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  headless?: boolean;
}): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? process.env.PICKET_HEADED !== '1',
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // Every name resolves to the site server; nothing reaches the real network.
      'network.dns.forceResolve': '127.0.0.1',
      'network.trr.mode': 5,
      // The site server has a throwaway certificate; no HSTS preload or OCSP lookups.
      'security.OCSP.enabled': 0,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  let addonId: string;
  try {
    addonId = await browser.installExtension(options.extensionDir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  const errors: FirefoxErrors[] = [];
  return {
    browser,
    addonId,
    errors,
    newPage: async () => {
      const page = await browser.newPage();
      page.on('pageerror', (error) =>
        errors.push({ page: page.url(), text: String((error as Error).stack ?? error) }),
      );
      return page;
    },
    close: () => browser.close().catch(() => undefined),
  };
}
