// Wires the content-script runtime to the real browser: the site adapter for this hostname, the
// message channel, i18n, storage change events and WXT's invalidation hook. No logic lives here.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../core/send';
import { adapterFor } from '../sites/index';
import type { ContentSend } from './lookup-client';
import { createContentRuntime } from './runtime';
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
  // invalidated"); asking first keeps that error out of the page console (pitfall 3).
  const guardedSend: ContentSend = async (request) => {
    if (ctx.isInvalid || !browser.runtime?.id) return { ok: false, error: 'Context invalidated.' };
    return send(request);
  };

  const runtime = createContentRuntime({
    adapter,
    send: guardedSend,
    document,
    t: translate,
    // Dates in the language of the words around them, not the page's.
    locale: uiLanguage(),
    // Reading isInvalid makes WXT fire onInvalidated (below) once the extension is gone.
    isInvalid: () => ctx.isInvalid,
  });

  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && WATCHED_KEYS.some((key) => key in changes)) void runtime.refresh();
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  ctx.onInvalidated(() => {
    runtime.stop();
    try {
      browser.storage.onChanged.removeListener(onStorageChanged);
    } catch {
      // The extension context is already gone; so is the listener.
    }
  });

  await runtime.start();
}
