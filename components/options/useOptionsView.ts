// The options page's data (packs, campaigns, settings), asked of the background and kept current.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import type { StoreSnapshot } from '../../core/store-views';
import { sendFromPage as send } from '../shared/send';
import { useStoreSignal } from '../shared/useStoreSignal';

export type OptionsLoad =
  { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; snapshot: StoreSnapshot };

export function useOptionsView(): {
  load: OptionsLoad;
  settings: Settings | null;
  setSettings: (settings: Settings) => void;
  reload: () => void;
} {
  const [load, setLoad] = useState<OptionsLoad>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  /** Only the latest answer may write (an older, slower one must not win). */
  const latest = useRef(0);

  const reload = useCallback(() => {
    const id = ++latest.current;
    void send({ type: 'getOptionsView' }).then((answer) => {
      if (id !== latest.current) return;
      if (!answer.ok) {
        // What is shown stays; a page that has nothing yet says it could not load.
        setLoad((now) => (now.kind === 'ready' ? now : { kind: 'error' }));
        return;
      }
      const { snapshot } = answer.view;
      setLoad(snapshot ? { kind: 'ready', snapshot } : { kind: 'error' });
      setSettings(answer.view.settings);
    });
  }, []);

  useEffect(reload, [reload]);
  // Settings changed in the popup, a pack refreshed in the background…: ask again.
  useStoreSignal(reload);
  return { load, settings, setSettings, reload };
}
