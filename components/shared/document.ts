// Prepares an extension page's document: its title and language.
import { uiLanguage } from './format';

/** Sets `<html lang>` (and the title) from the UI language so screen readers pick the right voice. */
export function prepareDocument(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
