// The popup's reminders switch: asks the background to save it, and says beside it when it could not.
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { notSavedText } from '../shared/save-error';
import { sendFromPage as send } from '../shared/send';

export function useRemindersSwitch(
  setSettings: (settings: Settings) => void,
  /** Shows what is really stored after a failed save. */
  refresh: () => void,
): { toggle: (enabled: boolean) => void; error: string } {
  const [error, setError] = useState('');
  const toggle = (enabled: boolean) => {
    void send({ type: 'changeSettings', patch: { reminders: { enabled } } }).then((answer) => {
      if (answer.ok) {
        setSettings(answer.settings);
        setError('');
      } else {
        setError(notSavedText(answer.error));
        refresh();
      }
    });
  };
  return { toggle, error };
}
