import { useEffect, useState } from 'preact/hooks';
import { send } from '../../core/send';
import type { TabState } from '../../core/messages';

export function PopupApp() {
  const [state, setState] = useState<TabState | null>(null);
  useEffect(() => {
    const tabId = Number(new URLSearchParams(location.search).get('tab') ?? -1);
    void send({ type: 'getTabState', tabId }).then((r) => r.ok && setState(r.state));
  }, []);
  return (
    <main>
      <h1>Picket</h1>
      <p data-testid="tab-platform">{state ? (state.platform ?? 'none') : '…'}</p>
    </main>
  );
}
