// The options page's privacy card (what Picket keeps and sends) and the clear-all-data action.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendFromPage as send } from '../shared/send';
import type { ActionProps } from './action-props';

export function PrivacySection() {
  return (
    <section class="card" aria-labelledby="privacy-heading" id="privacy">
      <h2 id="privacy-heading">{i18n.t('options.privacy.heading')}</h2>
      <p>{i18n.t('options.privacy.intro')}</p>
      <ul>
        <li>{i18n.t('options.privacy.settings')}</li>
        <li>{i18n.t('options.privacy.packs')}</li>
        <li>{i18n.t('options.privacy.database')}</li>
        <li>{i18n.t('options.privacy.tabCounts')}</li>
      </ul>
      <p>{i18n.t('options.privacy.network')}</p>
    </section>
  );
}

/** Erasing everything takes two clicks: the first only asks. */
export function ClearDataSection(props: ActionProps) {
  const [confirming, setConfirming] = useState(false);
  const clear = async () => {
    setConfirming(false);
    const answer = await send({ type: 'clearAllData' });
    props.announce(
      answer.ok ? i18n.t('options.clear.done') : i18n.t('common.failed', [answer.error]),
    );
    props.reload();
  };
  return (
    <section class="card danger-zone" aria-labelledby="clear-heading" id="clear">
      <h2 id="clear-heading">{i18n.t('options.clear.heading')}</h2>
      <p class="muted">{i18n.t('options.clear.intro')}</p>
      {confirming ? (
        <div role="group" aria-labelledby="clear-confirm-text">
          <p id="clear-confirm-text">
            <strong>{i18n.t('options.clear.confirm')}</strong>
          </p>
          <button type="button" class="danger" onClick={() => void clear()}>
            {i18n.t('options.clear.confirmYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {i18n.t('options.clear.button')}
        </button>
      )}
    </section>
  );
}
