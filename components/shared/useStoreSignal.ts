// Calls back when settings or packs change anywhere (another page, the background): the page then
// asks the background again. The storage event is only a signal; its values are never read here.
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storeSignal, type StoreSignal } from '../../core/store-signals';

export function useStoreSignal(onSignal: (signal: StoreSignal) => void): void {
  const latest = useRef(onSignal);
  latest.current = onSignal;
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      const signal = storeSignal(changes, area);
      if (signal) latest.current(signal);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
}
