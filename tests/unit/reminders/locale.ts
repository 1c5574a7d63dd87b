// Test support: `i18n.t` reads browser.i18n.getMessage; answer it from the real locale file,
// as the browser does from the built _locales/<lang>/messages.json.
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export async function useLocale(locale: 'en' | 'es'): Promise<void> {
  const file = path.resolve(__dirname, '../../../locales', `${locale}.yml`);
  const messages = generateChromeMessages(await parseMessagesFile(file));
  const api = fakeBrowser.i18n as unknown as {
    getMessage: (key: string, subs?: string | string[]) => string;
  };
  api.getMessage = (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(
      /\$([1-9])/g,
      (_, n: string) => list[+n - 1] ?? '',
    );
  };
}
