// The popup's data, asked of the background in one request, kept current while the popup is open.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NoticeInfo, PopupView } from '../../core/messages';
import type { Settings } from '../../core/settings';
import type { StoreSnapshot } from '../../core/store-views';
import { sendFromPage as send } from '../shared/send';
import { useStoreSignal } from '../shared/useStoreSignal';

/** How often the popup asks again while a long upgrade of the data outlives the background. */
const UPDATING_ATTEMPTS = 30;

export interface PopupData {
  snapshot: StoreSnapshot;
  settings: Settings;
  notificationsFailed: boolean;
  /** Today's reminder as the background words it, when it has one due. */
  pendingReminder: NoticeInfo | null;
  /** The campaign last chosen in the switcher. */
  lastCampaign: string | null;
}

export type PopupLoad =
  { kind: 'loading'; updating: boolean } | { kind: 'error' } | { kind: 'ready'; data: PopupData };

type ReadyView = Extract<PopupView, { updating: false }>;

/**
 * Asks for the popup's view. When the background says the data is being upgraded, `onUpdating`
 * is called and the popup waits for it, asking again if the browser stops the background meanwhile.
 */
async function fetchPopupView(onUpdating: () => void): Promise<ReadyView | null> {
  let updating = false;
  for (let attempt = 0; attempt < UPDATING_ATTEMPTS; attempt++) {
    const answer = await send({ type: 'getPopupView', ...(updating && { wait: true }) });
    if (answer.ok && !answer.view.updating) return answer.view;
    if (!answer.ok && !updating) return null;
    if (answer.ok && !updating) onUpdating();
    updating = true;
  }
  return null;
}

export function usePopupView(): {
  load: PopupLoad;
  reload: () => void;
  /** Asks again without putting the page back to "loading". */
  refresh: () => void;
  setSettings: (settings: Settings) => void;
} {
  const [load, setLoad] = useState<PopupLoad>({ kind: 'loading', updating: false });
  /** Only the latest request may write (an older, slower answer must not win). */
  const latest = useRef(0);

  /** `quiet`: keep showing what is there while asking (a change elsewhere, not a first load). */
  const ask = useCallback((quiet: boolean) => {
    const id = ++latest.current;
    if (!quiet) setLoad({ kind: 'loading', updating: false });
    // What is shown stays; only a popup still waiting says "updating" or gives up.
    const unlessReady = (next: PopupLoad) => (now: PopupLoad) =>
      now.kind === 'ready' ? now : next;
    const onUpdating = () =>
      id === latest.current && setLoad(unlessReady({ kind: 'loading', updating: true }));
    void fetchPopupView(onUpdating).then((view) => {
      if (id !== latest.current) return;
      if (view) {
        const { updating: _updating, ...data } = view;
        setLoad({ kind: 'ready', data });
      } else {
        setLoad(quiet ? unlessReady({ kind: 'error' }) : { kind: 'error' });
      }
    });
  }, []);

  useEffect(() => ask(false), [ask]);
  // Settings changed in the options page, a pack imported…: ask again.
  useStoreSignal(() => ask(true));

  const setSettings = useCallback((settings: Settings) => {
    setLoad((now) => (now.kind === 'ready' ? { ...now, data: { ...now.data, settings } } : now));
  }, []);
  return { load, reload: () => ask(false), refresh: () => ask(true), setSettings };
}
