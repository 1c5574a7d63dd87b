// Entry of the background (service worker in Chrome, event page in Firefox).
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/main';

export default defineBackground({ type: 'module', persistent: false, main: startBackground });
