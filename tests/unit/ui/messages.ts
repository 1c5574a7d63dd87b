// Test support: makes `i18n.t` (which reads browser.i18n.getMessage) answer from the real
// locale files, the way the browser does from the built _locales/<lang>/messages.json.
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const repoRoot = path.resolve(__dirname, '../../..');

export async function localeMessages(locale: 'en' | 'es'): Promise<Record<string, string>> {
  const parsed = await parseMessagesFile(path.join(repoRoot, 'locales', `${locale}.yml`));
  const chrome = generateChromeMessages(parsed);
  return Object.fromEntries(Object.entries(chrome).map(([key, value]) => [key, value.message]));
}

/** Chrome's substitution rules: `$1`..`$9` from the array, `$$` for a literal dollar. */
export function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, token: string) =>
    token === '$' ? '$' : (substitutions[Number(token) - 1] ?? ''),
  );
}

export async function installMessages(locale: 'en' | 'es' = 'en'): Promise<void> {
  const messages = await localeMessages(locale);
  const i18nApi = fakeBrowser.i18n as unknown as {
    getMessage: (key: string, subs?: string | string[]) => string;
    getUILanguage: () => string;
  };
  i18nApi.getMessage = (key, subs) => {
    const message = messages[key];
    if (message === undefined) return '';
    return substitute(message, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  };
  i18nApi.getUILanguage = () => locale;
}
