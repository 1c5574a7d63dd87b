// Helpers for the boycott-day and packs browser tests: private builds with a test pack, a time
// zone in which "today" is safely mid-day, clicks and audits inside closed shadow roots through
// the DevTools protocol, and axe-core runs that the extension pages' CSP cannot block.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { outDir, repoRoot } from '../harness';

/**
 * Builds the Chromium extension with `pack` bundled (PICKET_PACK) into a private directory under
 * the test output root, so this file never clashes with another test's build.
 */
export function buildWithBundledPack(name: string, pack: unknown): string {
  const out = resolve(outDir(), `e2e-${name}`);
  mkdirSync(out, { recursive: true });
  const packFile = join(out, 'pack.json');
  writeFileSync(packFile, JSON.stringify(pack, null, 2));
  const run = spawnSync(resolve(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, PICKET_OUT_DIR: out, PICKET_PACK: packFile },
  });
  const dir = join(out, 'chrome-mv3');
  if (run.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`wxt build failed:\n${run.stdout}\n${run.stderr}`);
  }
  return dir;
}

/**
 * A fixed-offset IANA zone (Etc/GMT±N) in which the local time is now 12:xx, so "today" cannot
 * roll over while a test runs and both an earlier and a later reminder time exist on the same
 * local day, whatever the machine's clock. (Etc/GMT-3 means UTC+3: the sign is POSIX-inverted.)
 */
export function midDayZone(now = new Date()): { zone: string; offsetHours: number } {
  const offsetHours = 12 - now.getUTCHours(); // −11 … +12, all valid Etc/GMT zones
  // Offset 0 is 'UTC', not 'Etc/GMT': Chromium reports that zone under its canonical name, and
  // the test that compares them failed whenever it ran between 12:00 and 12:59 UTC.
  const zone =
    offsetHours === 0 ? 'UTC' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
  return { zone, offsetHours };
}

/** The local calendar date (YYYY-MM-DD) and hour at `now` in a fixed UTC offset. */
export function localClock(offsetHours: number, now = Date.now()): { date: string; hour: number } {
  const shifted = new Date(now + offsetHours * 3600_000);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

/**
 * Clicks, with a real (trusted) mouse event, the first `innerTag` element inside the closed
 * shadow root of the first `hostTag` element. The page cannot reach a closed root; the DevTools
 * DOM domain can (`pierce: true`), and gives the element's box on screen.
 */
export async function clickInClosedRoot(
  page: Page,
  hostTag: string,
  innerTag: string,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = findNode(root, (n) => n.localName === hostTag);
    const shadow = host?.shadowRoots?.[0];
    const target = shadow && findNode(shadow, (n) => n.localName === innerTag);
    if (!target) throw new Error(`No <${innerTag}> inside a <${hostTag}> shadow root`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: target.backendNodeId,
    })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * axe cannot see into closed shadow roots (it walks `element.shadowRoot`, which is null for
 * them). For the audit, each closed root of `hostTag` is copied into an OPEN root on a stand-in
 * host placed right after the original, with the same nodes, the same adopted style sheets and
 * an open popover re-opened, and the stand-ins are what axe checks. Returns the stand-ins' ids.
 */
export async function openReplicasOf(page: Page, hostTag: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const ids: string[] = [];
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const hosts: CdpNode[] = [];
    const collect = (node: CdpNode) => {
      if (node.localName === hostTag) hosts.push(node);
      for (const child of node.children ?? []) collect(child);
    };
    collect(root);
    for (const [index, host] of hosts.entries()) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = (await cdp.send('DOM.resolveNode', {
        backendNodeId: shadow.backendNodeId,
      })) as { object: { objectId: string } };
      const id = `axe-replica-${hostTag}-${index}`;
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (id) {
          const original = this;
          const standIn = document.createElement('span');
          standIn.id = id;
          for (const name of original.host.getAttributeNames()) {
            standIn.setAttribute(name, original.host.getAttribute(name));
          }
          const copy = standIn.attachShadow({ mode: 'open' });
          copy.adoptedStyleSheets = [...original.adoptedStyleSheets];
          for (const node of original.childNodes) copy.append(node.cloneNode(true));
          original.host.after(standIn);
          const open = [...original.querySelectorAll('[popover]')].filter((p) => p.matches(':popover-open'));
          for (const popover of open) copy.getElementById(popover.id)?.showPopover();
        }`,
        arguments: [{ value: id }],
      });
      ids.push(id);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return ids;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns its serious and critical violations. The source goes in
 * through page.evaluate (DevTools Runtime.evaluate), which the extension pages' CSP does not
 * govern; a <script> tag would be refused there.
 */
export async function seriousViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selectors) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The bit of the extension API these tests call inside the service worker. */
export interface WorkerApi {
  chrome: {
    alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
    notifications: {
      create: (...args: unknown[]) => unknown;
      getAll(): Promise<Record<string, boolean>>;
      clear(id: string): Promise<boolean>;
    };
    storage: { local: { get(key: string | null): Promise<Record<string, unknown>> } };
    permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  };
  __createdNotifications?: unknown[][];
}
