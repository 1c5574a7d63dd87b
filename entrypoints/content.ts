// Entry of the content script on instagram.com and facebook.com.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../content/main';

export default defineContentScript({
  matches: ['https://*.instagram.com/*', 'https://*.facebook.com/*'],
  runAt: 'document_idle',
  main: startContent,
});
