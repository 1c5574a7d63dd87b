// Saving a settings change made in one card of the options page; the card shows its own failure.
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { notSavedText } from '../shared/save-error';
import { sendFromPage as send } from '../shared/send';
import type { Change } from './Preferences';

/** The cards whose settings can fail to save. */
export type SettingsCard = 'packs' | 'sites' | 'allowlist' | 'reminders';

/**
 * `changeIn(card)` saves a change made in `card`. When it cannot be saved (storage full, a write
 * error) the card says so, and `reload` brings its controls back to what is really stored.
 */
export function useSettingsSaver(
  setSettings: (settings: Settings) => void,
  announce: (text: string) => void,
  reload: () => void,
): {
  changeIn: (card: SettingsCard) => Change;
  saveErrors: Partial<Record<SettingsCard, string>>;
} {
  const [saveErrors, setSaveErrors] = useState<Partial<Record<SettingsCard, string>>>({});
  const changeIn =
    (card: SettingsCard): Change =>
    (patch, done) => {
      void send({ type: 'changeSettings', patch }).then((answer) => {
        if (answer.ok) {
          setSettings(answer.settings);
          setSaveErrors((errors) => ({ ...errors, [card]: undefined }));
          announce(done);
          return;
        }
        const text = notSavedText(answer.error);
        setSaveErrors((errors) => ({ ...errors, [card]: text }));
        announce(text);
        reload();
      });
    };
  return { changeIn, saveErrors };
}
