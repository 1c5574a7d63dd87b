import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { bundledPack } from './scripts/bundled-pack-plugin';

// Extension-page CSP: only our own scripts, nothing framed or based elsewhere.
const extensionPagesCsp =
  "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export default defineConfig({
  srcDir: '.',
  // PICKET_OUT_DIR lets parallel builds (tests, bench) not overwrite each other.
  outDir: process.env.PICKET_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Picket',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // Subscriptions ask for their publisher's host at subscribe time, never up front.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*'] }
      : { optional_permissions: ['https://*/*'] }),
    // Chromium: no other extension may message us (we have no onMessageExternal listener either).
    ...(browser !== 'firefox' && { externally_connectable: { ids: [] } }),
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: extensionPagesCsp } : extensionPagesCsp,
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'picket@picket-extension.org',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        } as Record<string, unknown>,
        // Firefox for Android learnt data_collection_permissions in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({
    plugins: [preact(), bundledPack()],
    define: {
      // Test builds only: shorter download deadlines for the hanging-server browser tests
      // ("headersMs,bodyMs"; background/subscriptions.ts caps them at the product's own).
      __PICKET_TEST_FETCH_DEADLINES__: JSON.stringify(
        process.env.PICKET_TEST_FETCH_DEADLINES ?? '',
      ),
    },
  }),
});
