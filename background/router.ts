// The one entry point for messages. Who may ask what:
// - content scripts (a tab on a web page): read-only lookups, their config, their own page report,
//   notice dismissal and opening the report page for a claim (which changes nothing by itself);
// - extension pages (our own origin, top frame): everything, including writes.
// Anything else, or anything that does not match the schema exactly, gets { ok: false } and
// causes no side effect.
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { MAX_IMPORT_BYTES, tooLargeMessage, utf8ByteLength } from '../core/import-size';
import {
  parseContentRequest,
  parsePageRequest,
  type BadgeInfo,
  type ContentRequest,
  type Fail,
  type PageRequest,
} from '../core/messages';
import { platformForUrl } from '../core/hosts';
import { getSettings } from '../storage/settings';
import { getStoreStatus } from '../storage/store';
import { importPackText } from '../storage/pack-import';
import { clearAllData, exportPack, removePack, setPackEnabled } from '../storage/pack-changes';
import { currentNotice, dismissNotice, reminderStatus } from './reminders';
import { keyFilter, lookup } from './lookup';
import { dontBadge, openReport, reportContext } from './report';
import { answerViewRequest } from './views';
import { cancelImport, trackImport } from './import-progress';
import { ensureRefreshAlarm, refreshSubscription, subscribe } from './subscriptions';
import { readTabReport, saveTabReport, setTabCount } from './tab-state';

const REJECTED: Fail = { ok: false, error: 'Unknown or invalid request.' };

function extensionBase(): string {
  return browser.runtime.getURL('');
}

/** Our own popup or options page (also when opened in a tab), top frame only. */
export function isExtensionPageSender(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = extensionBase();
  if (typeof sender.url !== 'string' || !sender.url.startsWith(base)) return false;
  if (sender.tab?.url !== undefined && !sender.tab.url.startsWith(base)) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  return true;
}

/** Our content script: it runs in a tab, on a web page (not one of ours). */
export function isContentScriptSender(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (typeof sender.tab?.id !== 'number' || sender.tab.id < 0) return false;
  return typeof sender.url === 'string' && !sender.url.startsWith(extensionBase());
}

export async function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<unknown> {
  try {
    if (isExtensionPageSender(sender)) {
      const request = parsePageRequest(message);
      return request ? await handlePageRequest(request) : (oversizedImport(message) ?? REJECTED);
    }
    if (isContentScriptSender(sender)) {
      const request = parseContentRequest(message);
      return request ? await handleContentRequest(request, sender) : REJECTED;
    }
    return REJECTED;
  } catch (error) {
    return failure(error);
  }
}

/** An import our own page sent with a text too long for the schema: say it is the size. */
function oversizedImport(message: unknown): Fail | null {
  const { type, text } = (message ?? {}) as { type?: unknown; text?: unknown };
  if (type !== 'importPack' || typeof text !== 'string' || text.length <= MAX_IMPORT_BYTES) {
    return null;
  }
  return { ok: false, error: tooLargeMessage(utf8ByteLength(text)) };
}

function failure(error: unknown): Fail {
  const message = error instanceof Error ? error.message : String(error);
  const { issues, conflict, code } = (error ?? {}) as Pick<Fail, 'issues' | 'conflict'> & {
    code?: unknown;
  };
  return {
    ok: false,
    error: message,
    ...(code === 'cancelled' && { cancelled: true }),
    ...(Array.isArray(issues) && { issues }),
    ...(conflict && { conflict }),
  };
}

async function handleContentRequest(
  request: ContentRequest,
  sender: Runtime.MessageSender,
): Promise<unknown> {
  const tabId = sender.tab!.id!;
  switch (request.type) {
    case 'lookup':
      return { ok: true, matches: await lookup(request.platform, request.keys) };
    case 'pageReport': {
      // Only the top frame describes the tab; a frame must not overwrite what the popup shows.
      if (sender.frameId !== undefined && sender.frameId !== 0) return REJECTED;
      const badged = [...new Set(request.badged)];
      await saveTabReport(tabId, {
        platform: request.platform,
        pageType: request.pageType,
        badged,
        unreadable: request.unreadable,
      });
      await setTabCount(tabId, badged.length);
      return { ok: true };
    }
    case 'getContentConfig': {
      const settings = await getSettings();
      const platform = platformForUrl(sender.url);
      const enabled = platform !== null && settings.sites[platform];
      return {
        ok: true,
        config: {
          enabled,
          surfaces: settings.surfaces,
          badgeStyle: settings.badgeStyle,
          notice: enabled ? await currentNotice() : null,
          // Without it (the indexes unreadable just now) every key is asked, as before.
          ...(enabled && { filter: await keyFilter().catch(() => undefined) }),
        },
      };
    }
    case 'dismissNotice':
      await dismissNotice(request.noticeId);
      return { ok: true };
    case 'openReport': {
      const { type: _type, ...target } = request;
      await openReport(target, tabId);
      return { ok: true };
    }
  }
}

async function handlePageRequest(request: PageRequest): Promise<unknown> {
  switch (request.type) {
    case 'getTabState': {
      const report = await readTabReport(request.tabId);
      if (!report) {
        return {
          ok: true,
          state: { platform: null, pageType: null, accounts: [], unreadable: false },
        };
      }
      const matches = await lookup(report.platform, report.badged);
      const accounts = report.badged
        .map((key) => matches[key])
        .filter((info): info is BadgeInfo => info !== undefined);
      return {
        ok: true,
        state: {
          platform: report.platform,
          pageType: report.pageType,
          accounts,
          unreadable: report.unreadable,
        },
      };
    }
    case 'getStatus': {
      const [store, reminders] = await Promise.all([getStoreStatus(), reminderStatus()]);
      return {
        ok: true,
        databaseAvailable: store.databaseAvailable,
        usingBundledFallback: store.usingBundledFallback,
        notificationsFailed: reminders.notificationsFailed,
        pendingReminder: reminders.pending,
      };
    }
    case 'importPack':
      return importFromPage(request);
    case 'exportPack':
      return { ok: true, ...(await exportPack(request.packId)) };
    case 'setPackEnabled':
      await setPackEnabled(request.packId, request.enabled);
      return { ok: true };
    case 'removePack':
      await removePack(request.packId);
      await ensureRefreshAlarm();
      return { ok: true };
    case 'cancelImport':
      return { ok: true, running: cancelImport(request.importId) };
    case 'subscribe':
      return {
        ok: true,
        ...(await trackImport(request.importId, (tracking) =>
          subscribe(request.url, request.publicKey, {
            replace: request.replace === true,
            tracking,
          }),
        )),
      };
    case 'refreshSubscription':
      return { ok: true, ...(await refreshSubscription(request.packId)) };
    case 'clearAllData':
      await clearAllData();
      await ensureRefreshAlarm();
      return { ok: true };
    case 'getReportContext': {
      const { type: _type, ...target } = request;
      return { ok: true, context: await reportContext(target) };
    }
    case 'dontBadge':
      return { ok: true, key: await dontBadge(request.platform, request.handle) };
    case 'getPopupView':
    case 'getOptionsView':
    case 'rememberCampaign':
    case 'searchParticipants':
    case 'changeSettings':
      return answerViewRequest(request);
  }
}

/** A file or paste from the options page, followed (with an id) by `importProgress` messages. */
async function importFromPage(
  request: Extract<PageRequest, { type: 'importPack' }>,
): Promise<unknown> {
  // Said before validating, in the same words as the options page's own check.
  const bytes = utf8ByteLength(request.text);
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, error: tooLargeMessage(bytes) };
  const result = await trackImport(request.importId, (tracking) =>
    importPackText(request.text, {
      origin: 'imported',
      replace: request.replace === true,
      ...tracking,
    }),
  );
  // A file that replaced a subscription may leave nothing to refresh.
  await ensureRefreshAlarm();
  return { ok: true, ...result };
}
