// Wires the content-script runtime to the real browser: the site adapter for this hostname, the
// message channel, i18n, storage change events and WXT's context, whose end (extension reloaded,
// updated or removed) ends everything here. No logic lives here.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../core/send';
import { adapterFor } from '../sites/index';
import type { ContentSend } from './lookup-client';
import { createContentRuntime } from './runtime';
import type { Timers } from './schedulers';
import type { Translate } from './strings';

/** Storage keys whose change means badges may be wrong: the packs (via their revision) and settings. */
const WATCHED_KEYS = ['packsRevision', 'settings'];

const translate: Translate = (key, substitutions) =>
  (i18n.t as unknown as (key: string, substitutions?: string[]) => string)(key, substitutions);

function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

export async function startContent(ctx: ContentScriptContext): Promise<void> {
  const adapter = adapterFor(location.hostname);
  if (!adapter) return;

  // After an extension reload the old instance's channel is gone ("Extension context
  // invalidated"); asking first keeps that error out of the page console. core/send.ts never
  // throws; this only keeps an orphan from trying.
  const sendWhileValid: ContentSend = async (request) =>
    ctx.isInvalid || !browser.runtime?.id
      ? { ok: false, error: 'Context invalidated.' }
      : send(request);
  // Timers that end with the context, whatever the runtime still had pending.
  const timers: Timers = {
    set: (callback, ms) => ctx.setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle),
  };

  const runtime = createContentRuntime({
    adapter,
    send: sendWhileValid,
    document,
    t: translate,
    // Dates in the language of the words around them, not the page's.
    locale: uiLanguage(),
    timers,
    // Reading isInvalid makes WXT abort ctx.signal once the extension is gone.
    isInvalid: () => ctx.isInvalid,
    signal: ctx.signal,
  });

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WATCHED_KEYS.some((key) => key in changes)) void runtime.refresh();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  ctx.onInvalidated(() => {
    try {
      browser.storage.onChanged.removeListener(onStorageChanged);
    } catch {
      // The extension context is already gone; so is the listener.
    }
  });

  await runtime.start();
}
