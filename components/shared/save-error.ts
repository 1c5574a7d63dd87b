// What to tell the user when a setting could not be saved (storage full, or a write error).
import { i18n } from '#i18n';

export function notSavedText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /quota/i.test(text)
    ? i18n.t('common.storageFull')
    : i18n.t('common.notSaved', [error instanceof Error ? error.message : text]);
}
