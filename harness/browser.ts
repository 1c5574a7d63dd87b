// Chromium (or the browser scripts/lib/find-browser.ts finds) with the built extension loaded,
// pointed at the fake sites. Everything a test needs about the extension (its id, its service
// worker, its pages, the errors it logged) is on the returned object; close() always cleans up the
// browser and its temporary profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { requireBrowser } from '../scripts/lib/find-browser';
import { ensureBuilt, extensionDir as defaultExtensionDir } from './paths';

/**
 * The browser every launch drives: PICKET_CHROMIUM, else the first Chromium-family browser found.
 * Throws BrowserNotFoundError, whose message is the one line telling what to install.
 */
export function chromiumPath(): string {
  return requireBrowser();
}

/** The hosts mapped onto the site server, in every launch. */
export const MAPPED_HOSTS = [
  'www.instagram.com',
  '*.instagram.com',
  'instagram.com',
  '*.facebook.com',
  'facebook.com',
  '*.picket.test',
];

export interface BrowserError {
  source: 'console' | 'pageerror' | 'serviceworker';
  url: string;
  text: string;
}

export interface BrowserRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page that made it, or the service worker's URL; '' when Playwright cannot tell. */
  initiator: string;
}

export interface LaunchOptions {
  /** The site server's port (see startSiteServer). */
  port: number;
  /** Defaults to the build under PICKET_OUT_DIR (or .output); built first if missing. */
  extensionDir?: string;
  /** Defaults to true; `PICKET_HEADED=1` shows the window when a display is available. */
  headless?: boolean;
  /** Reuse a profile (e.g. to restart the browser on the same data). Not deleted by close(). */
  userDataDir?: string;
  /** UI language of the browser and so of the extension (`--lang` plus `LANGUAGE`), e.g. 'es'. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
  /** More hosts to map onto the server, besides MAPPED_HOSTS. */
  extraHosts?: string[];
  extraArgs?: string[];
  /**
   * Let Playwright kill the browser on Ctrl-C/SIGTERM (the default). `npm start` turns this off
   * to close the browser itself, so the temporary profile is removed too.
   */
  handleSignals?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * The extension's service worker. The same object stays valid across stop/start (Playwright
   * re-binds it), but evaluate() on a stopped worker waits until something wakes it: after
   * killServiceWorker(), get it through getServiceWorker().
   */
  serviceWorker: Worker;
  userDataDir: string;
  /** Console errors and uncaught exceptions of every page and of the service worker. */
  errors: BrowserError[];
  /**
   * Every request the browser made from launch on (pages, extension pages and the service
   * worker), including those that failed to resolve: what the extension tried to reach.
   */
  requests: BrowserRequest[];
  /** `errors` minus failed resource loads (favicons, images of saved pages that stay offline). */
  scriptErrors(): BrowserError[];
  /** Opens `chrome-extension://<id>/<path>` in a new tab, e.g. 'popup.html?tab=3'. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's service worker, woken first (by opening an extension page) when stopped. */
  getServiceWorker(): Promise<Worker>;
  /** Stops the extension's service worker the way Chromium does when it idles out. */
  killServiceWorker(): Promise<void>;
  /** The id the extension sees for the tab showing `page` (brings it to the front). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export function hostResolverRules(port: number, extraHosts: string[] = []): string {
  const maps = [...MAPPED_HOSTS, ...extraHosts].map((host) => `MAP ${host} 127.0.0.1:${port}`);
  // Everything else resolves to nothing: the tests and the demo never touch the real network.
  return ['EXCLUDE localhost', ...maps, 'MAP * ~NOTFOUND'].join(', ');
}

export function chromiumArgs(extensionDir: string, port: number, extraHosts?: string[]): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostResolverRules(port, extraHosts)}`,
    '--ignore-certificate-errors',
    // The machine runs everything as root, where Chromium refuses its sandbox.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** The bit of the extension API the harness calls inside the service worker (Node has no types for it). */
export interface WorkerGlobals {
  chrome: {
    tabs: { query(filter: object): Promise<{ id?: number; url?: string; title?: string }[]> };
  };
}

function isExtensionWorker(worker: Worker, extensionId?: string): boolean {
  const url = new URL(worker.url());
  return url.protocol === 'chrome-extension:' && (!extensionId || url.host === extensionId);
}

async function launchContext(
  options: LaunchOptions,
  executablePath: string,
  extensionDir: string,
  userDataDir: string,
): Promise<BrowserContext> {
  const args = chromiumArgs(extensionDir, options.port, options.extraHosts);
  if (options.locale) args.push(`--lang=${options.locale}`);
  args.push(...(options.extraArgs ?? []));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? process.env.PICKET_HEADED !== '1',
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
    ignoreHTTPSErrors: true,
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    ...(options.locale && {
      locale: options.locale,
      env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale}.UTF-8` },
    }),
  });
}

/** Records every request, console error and uncaught exception of the context from now on. */
function recordTraffic(context: BrowserContext): {
  errors: BrowserError[];
  requests: BrowserRequest[];
} {
  const errors: BrowserError[] = [];
  const requests: BrowserRequest[] = [];
  context.on('request', (request) => {
    let initiator = '';
    try {
      initiator = request.serviceWorker()?.url() ?? request.frame().page().url();
    } catch {
      // Requests of a service worker have no frame; some have neither.
    }
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      initiator,
    });
  });
  const watchPage = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push({ source: 'console', url: page.url(), text: message.text() });
      }
    });
    page.on('pageerror', (error) =>
      errors.push({ source: 'pageerror', url: page.url(), text: String(error.stack ?? error) }),
    );
  };
  const watchWorker = (worker: Worker): void => {
    worker.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push({ source: 'serviceworker', url: worker.url(), text: message.text() });
      }
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  return { errors, requests };
}

async function findServiceWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => isExtensionWorker(w)) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => isExtensionWorker(w),
      timeout: 30_000,
    }))
  );
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

type WorkerControls = Pick<
  ExtensionBrowser,
  'openExtensionPage' | 'getServiceWorker' | 'killServiceWorker' | 'tabIdOf'
>;

/** Opening extension pages, waking and stopping the service worker, and naming tabs. */
function workerControls(
  context: BrowserContext,
  extensionId: string,
  serviceWorker: Worker,
): WorkerControls {
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
    return page;
  };

  const workerTargets = async (cdp: CDPSession): Promise<string[]> => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    return targetInfos
      .filter(
        (t) =>
          t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
      )
      .map((t) => t.targetId);
  };

  /** Runs `task` with a CDP session on any page: it sees every target of the browser. */
  const withCdp = async <T>(task: (cdp: CDPSession) => Promise<T>): Promise<T> => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      return await task(cdp);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };

  const workerRunning = () => withCdp(async (cdp) => (await workerTargets(cdp)).length > 0);

  // Chromium restarts a stopped worker under the same CDP target id, and Playwright keeps the
  // same Worker object across the restart: its evaluate() waits for the fresh context. So waking the worker is all there is to do.
  const getServiceWorker = async (): Promise<Worker> => {
    if (!(await workerRunning())) {
      // Any extension event wakes the worker: the popup asking the background for a tab's state
      // is one.
      const page = await openExtensionPage('popup.html');
      try {
        const deadline = Date.now() + 15_000;
        while (!(await workerRunning())) {
          if (Date.now() > deadline) throw new Error('The service worker did not start again.');
          await pause(50);
        }
      } finally {
        await page.close();
      }
    }
    return serviceWorker;
  };

  // Target.closeTarget on the extension's service_worker target stops the worker (the same
  // StopWorker path as an idle timeout; ServiceWorker.stopWorker and stopAllWorkers were
  // verified to behave the same).
  const killServiceWorker = () =>
    withCdp(async (cdp) => {
      const targets = await workerTargets(cdp);
      if (targets.length === 0) return;
      for (const targetId of targets) await cdp.send('Target.closeTarget', { targetId });
      const deadline = Date.now() + 10_000;
      while ((await workerTargets(cdp)).length > 0) {
        if (Date.now() > deadline) throw new Error('The service worker did not stop.');
        await pause(50);
      }
    });

  const tabIdOf = async (page: Page): Promise<number> => {
    // Without the `tabs` permission the worker sees tab ids but not their URLs, so the tab is
    // identified as the active one after bringing the page to the front (one window only).
    await page.bringToFront();
    const worker = await getServiceWorker();
    const active = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerGlobals;
      const tabs = await chrome.tabs.query({ active: true });
      return tabs.map((t) => t.id);
    });
    if (active.length !== 1 || active[0] === undefined) {
      throw new Error(`Expected one active tab, found ${JSON.stringify(active)}`);
    }
    return active[0];
  };

  return { openExtensionPage, getServiceWorker, killServiceWorker, tabIdOf };
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  // First, so a machine without a browser gets the one-line answer before any build or profile.
  const executablePath = chromiumPath();
  const extensionDir = ensureBuilt(options.extensionDir ?? defaultExtensionDir());
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'picket-profile-'));

  let context: BrowserContext;
  try {
    context = await launchContext(options, executablePath, extensionDir, userDataDir);
  } catch (error) {
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const { errors, requests } = recordTraffic(context);

  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  let serviceWorker: Worker;
  try {
    serviceWorker = await findServiceWorker(context);
  } catch (error) {
    await close();
    throw error;
  }
  const extensionId = new URL(serviceWorker.url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    errors,
    requests,
    scriptErrors: () => errors.filter((e) => !/Failed to load resource/i.test(e.text)),
    ...workerControls(context, extensionId, serviceWorker),
    close,
  };
}
