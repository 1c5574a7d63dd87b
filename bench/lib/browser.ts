// The three browsers a pair-by-pair comparison needs: with Picket (the e2e harness's launch, so
// the bench drives exactly what the tests drive), with the floor extension, and with no
// extension. The last two reuse the harness's flags so the only difference is the extension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import {
  chromiumArgs,
  chromiumPath,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../harness';

export type Variant = 'picket' | 'none' | 'floor';

export const FLOOR_EXTENSION_DIR = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../floor-extension',
);

/** The same window size the harness uses, for every variant. */
const VIEWPORT = { width: 1280, height: 900 };

export interface BenchBrowser {
  variant: Variant;
  context: BrowserContext;
  /** Only for the Picket variant. */
  extension?: ExtensionBrowser;
  close(): Promise<void>;
}

export async function launchVariant(
  variant: Variant,
  port: number,
  picketDir: string,
): Promise<BenchBrowser> {
  if (variant === 'picket') {
    const extension = await launchWithExtension({
      port,
      extensionDir: picketDir,
      viewport: VIEWPORT,
    });
    return { variant, context: extension.context, extension, close: () => extension.close() };
  }
  const userDataDir = mkdtempSync(join(tmpdir(), `picket-bench-${variant}-`));
  const args =
    variant === 'floor'
      ? chromiumArgs(FLOOR_EXTENSION_DIR, port)
      : chromiumArgs('', port).filter(
          (arg) => !/^--(disable-extensions-except|load-extension)=/.test(arg),
        );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    // "none" keeps Playwright's --disable-extensions; the floor needs it gone, like Picket.
    ignoreDefaultArgs: variant === 'floor' ? ['--disable-extensions'] : [],
    args,
    ignoreHTTPSErrors: true,
    colorScheme: 'light',
    viewport: VIEWPORT,
  });
  return {
    variant,
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A content script's isolated world in `page`, found by its extension origin. */
export interface IsolatedWorld {
  evaluate<T>(expression: string): Promise<T>;
}

/**
 * Collects execution contexts through CDP so the bench can run code inside an extension's
 * content-script world (where `chrome.runtime` is the extension's). Call before navigating.
 */
export async function watchWorlds(page: Page): Promise<{
  cdp: CDPSession;
  world(extensionOrigin: string, timeoutMs?: number): Promise<IsolatedWorld>;
}> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, { origin: string; name: string; type?: string }>();
  cdp.on('Runtime.executionContextCreated', (event) => {
    const { id, origin, name, auxData } = event.context as {
      id: number;
      origin: string;
      name: string;
      auxData?: { type?: string };
    };
    contexts.set(id, { origin, name, type: auxData?.type });
  });
  cdp.on('Runtime.executionContextDestroyed', (event) => contexts.delete(event.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');

  const world = async (extensionOrigin: string, timeoutMs = 15_000): Promise<IsolatedWorld> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...contexts].find(
        ([, c]) => c.type === 'isolated' && c.origin.startsWith(extensionOrigin),
      );
      if (found) {
        const contextId = found[0];
        return {
          evaluate: async <T>(expression: string): Promise<T> => {
            const answer = (await cdp.send('Runtime.evaluate', {
              expression,
              contextId,
              awaitPromise: true,
              returnByValue: true,
            })) as {
              result: { value?: unknown };
              exceptionDetails?: { text: string; exception?: { description?: string } };
            };
            if (answer.exceptionDetails) {
              throw new Error(
                answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text,
              );
            }
            return answer.result.value as T;
          },
        };
      }
      if (Date.now() > deadline)
        throw new Error(`No isolated world of ${extensionOrigin} in the page.`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  return { cdp, world };
}

/** Main-thread totals of the page's renderer, in milliseconds (CDP Performance domain). */
export async function mainThreadTotals(
  cdp: CDPSession,
): Promise<{ taskMs: number; scriptMs: number; layoutMs: number; styleMs: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  return {
    taskMs: get('TaskDuration'),
    scriptMs: get('ScriptDuration'),
    layoutMs: get('LayoutDuration'),
    styleMs: get('RecalcStyleDuration'),
  };
}
