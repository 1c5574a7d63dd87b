// The imports running now, each under the id its page gave: their progress goes out to the
// extension pages as `importProgress` messages, and `cancelImport` aborts one.
import { browser } from 'wxt/browser';
import type { ImportPhase } from '../core/import-progress';
import type { ImportProgressMessage } from '../core/messages';
import type { InstallOptions } from '../storage/pack-ownership';

/** Rows-written updates closer together than this are dropped (phase changes never are). */
const MIN_INTERVAL_MS = 100;

const running = new Map<string, AbortController>();

type Tracking = Pick<InstallOptions, 'onPhase' | 'onProgress' | 'signal'>;

/**
 * Runs `task` as the import `importId` (when the page gave one): it gets the options that report
 * its progress and let it be cancelled. Without an id the task runs untracked.
 */
export async function trackImport<T>(
  importId: string | undefined,
  task: (tracking: Tracking) => Promise<T>,
): Promise<T> {
  if (importId === undefined) return task({});
  const controller = new AbortController();
  running.get(importId)?.abort();
  running.set(importId, controller);
  let phase: ImportPhase = 'validating';
  let sentAt = 0;
  const send = (done: number, total: number) => {
    sentAt = Date.now();
    broadcast({ type: 'importProgress', importId, phase, done, total });
  };
  try {
    return await task({
      signal: controller.signal,
      onPhase: (next) => {
        phase = next;
        send(0, 0);
      },
      onProgress: (done, total) => {
        if (done === total || Date.now() - sentAt >= MIN_INTERVAL_MS) send(done, total);
      },
    });
  } finally {
    if (running.get(importId) === controller) running.delete(importId);
  }
}

/** Aborts the import `importId`; false when no such import is running. */
export function cancelImport(importId: string): boolean {
  const controller = running.get(importId);
  controller?.abort();
  return controller !== undefined;
}

function broadcast(message: ImportProgressMessage): void {
  // No page listening (it was closed) is no error: the import goes on regardless.
  void browser.runtime.sendMessage(message).catch(() => undefined);
}
