// Opening the cache database without hanging: a slow upgrade is waited for, a blocked or
// failing one gives up, so the store can fall back to the bundled pack in memory.
import { PicketDatabase, type DatabaseOptions } from './db';

export interface OpenOptions {
  /**
   * How long an open may take before giving up. A blocked upgrade (another connection that
   * ignores `versionchange`) or a broken IndexedDB (Firefox private mode) degrades then instead
   * of hanging.
   */
  timeoutMs?: number;
  /**
   * How long an upgrade that is under way, in this context or another of the extension's, is
   * waited for: upgrading a big cache takes seconds, and giving up aborts it for good.
   */
  upgradeTimeoutMs?: number;
  /** Called once when this open turns out to wait for an upgrade under way. */
  onUpgrading?: () => void;
}

/** Held (Web Locks span all of an extension's contexts) while a context upgrades the database. */
const UPGRADE_LOCK = 'picket:upgrading';

function webLocks(): LockManager | undefined {
  return (globalThis.navigator as Navigator | undefined)?.locks;
}

/**
 * Whether an upgrade is under way or about to start elsewhere: another context holds the upgrade
 * lock, or the database on disk is still older than this code's (an upgrade another context
 * was stopped in the middle of is being rolled back, and this open is next in line).
 */
async function upgradeUnderWayElsewhere(
  factory: IDBFactory | undefined,
  name: string,
  version: number,
): Promise<boolean> {
  try {
    const state = await webLocks()?.query();
    if (state?.held?.some((lock) => lock.name === UPGRADE_LOCK)) return true;
    const stored = (await factory?.databases?.())?.find((info) => info.name === name);
    return stored?.version !== undefined && stored.version < version;
  } catch {
    return false;
  }
}

/** What an open has seen so far of an upgrade: started here, blocked, announced. */
interface UpgradeWatch {
  upgradingHere: () => boolean;
  blocked: () => boolean;
  /** Says once (through onUpgrading) that this open waits for an upgrade. */
  notify: () => void;
  /** The open has answered: later events change nothing, and the upgrade lock is let go. */
  settle: () => void;
}

function watchUpgrade(db: PicketDatabase, onUpgrading?: () => void): UpgradeWatch {
  let upgradingHere = false;
  let blocked = false;
  let notified = false;
  let settled = false;
  let releaseLock: () => void = () => undefined;
  const notify = () => {
    if (notified || settled) return;
    notified = true;
    onUpgrading?.();
  };
  db.onUpgradeStart = () => {
    if (upgradingHere || settled) return;
    upgradingHere = true;
    // Not awaited: the upgrade transaction must not wait on anything but IndexedDB.
    const done = new Promise<void>((resolve) => (releaseLock = resolve));
    void webLocks()
      ?.request(UPGRADE_LOCK, () => done)
      .catch(() => undefined);
    notify();
  };
  db.on('blocked', () => {
    blocked = true;
  });
  return {
    upgradingHere: () => upgradingHere,
    blocked: () => blocked,
    notify,
    settle: () => {
      settled = true;
      releaseLock();
    },
  };
}

type Opened = { ok: true } | { ok: false; error: unknown };

/** The open's outcome, or 'waiting' after `ms`. */
async function within(opened: Promise<Opened>, ms: number): Promise<Opened | 'waiting'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    opened,
    new Promise<'waiting'>((resolve) => {
      timer = setTimeout(() => resolve('waiting'), ms);
    }),
  ]);
  clearTimeout(timer);
  return outcome;
}

/**
 * Opens the database. Slow but progressing is waited for; blocked or failing gives up: after
 * `timeoutMs` the open carries on only while an upgrade is under way (here, or elsewhere: see
 * upgradeUnderWayElsewhere) and not blocked, for at most `upgradeTimeoutMs`; with no upgrade
 * under way anywhere for `timeoutMs`, it gives up. Resolves to null on failure; never rejects.
 */
export async function openDatabase(
  name: string,
  options: DatabaseOptions = {},
  { timeoutMs = 2_000, upgradeTimeoutMs = 10 * 60_000, onUpgrading }: OpenOptions = {},
): Promise<{ db: PicketDatabase | null; error?: string }> {
  let db: PicketDatabase;
  try {
    db = new PicketDatabase(name, options);
  } catch (error) {
    return { db: null, error: describe(error) };
  }
  const watch = watchUpgrade(db, onUpgrading);
  const opened = db.open().then(
    (): Opened => ({ ok: true }),
    (error: unknown): Opened => ({ ok: false, error }),
  );
  const started = Date.now();
  // After the first `timeoutMs`, look often: when the context that was upgrading stops (its
  // upgrade is rolled back), this open is next and starts the upgrade itself a moment later.
  const recheckMs = Math.min(250, timeoutMs);
  let lastProgressAt = started;
  try {
    for (let wait = timeoutMs; ; wait = recheckMs) {
      const outcome = await within(opened, wait);
      if (outcome !== 'waiting') {
        if (outcome.ok) return { db };
        db.close();
        return { db: null, error: describe(outcome.error) };
      }
      const now = Date.now();
      const factory = options.indexedDB ?? globalThis.indexedDB;
      if (
        !watch.blocked() &&
        (watch.upgradingHere() ||
          (await upgradeUnderWayElsewhere(factory, name, Math.round(db.verno * 10))))
      ) {
        lastProgressAt = now;
        watch.notify();
      }
      // Blocked, or nothing under way anywhere for a whole `timeoutMs`, or simply too long.
      if (
        watch.blocked() ||
        now - lastProgressAt >= timeoutMs ||
        now - started >= upgradeTimeoutMs
      ) {
        // Closing a pending open makes Dexie abandon it, so it cannot complete behind our back.
        db.close();
        return {
          db: null,
          error: watch.blocked()
            ? `Opening the database was blocked by another connection for ${now - started} ms.`
            : `Opening the database took longer than ${now - started} ms.`,
        };
      }
    }
  } finally {
    watch.settle();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
