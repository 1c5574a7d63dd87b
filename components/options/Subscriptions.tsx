import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../core/send';
import type { PackSummary } from '../../storage/queries';
import { formatDateTime } from '../shared/format';
import type { ActionProps } from './Packs';

/** The https origin of a subscription URL, or null when the URL is not https. */
export function subscriptionOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function SubscriptionsSection(props: ActionProps & { packs: PackSummary[] }) {
  const [url, setUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [busy, setBusy] = useState(false);
  const subscribed = props.packs.filter((p) => p.subscription);

  // Must stay synchronous up to permissions.request: browsers only grant from a user gesture.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const origin = subscriptionOrigin(url);
    if (!origin) {
      props.announce(i18n.t('options.subscriptions.httpsOnly'));
      return;
    }
    setBusy(true);
    const permission = browser.permissions.request({ origins: [`${origin}/*`] });
    void (async () => {
      try {
        const granted = await permission.catch(() => false);
        if (!granted) {
          props.announce(i18n.t('options.subscriptions.permissionDenied', [origin]));
          return;
        }
        const answer = await send({
          type: 'subscribe',
          url: url.trim(),
          publicKey: publicKey.trim(),
        });
        if (answer.ok) {
          setUrl('');
          setPublicKey('');
          props.announce(i18n.t('options.subscriptions.done', [answer.packId]));
          props.reload();
        } else {
          props.announce(i18n.t('common.failed', [answer.error]));
        }
      } finally {
        setBusy(false);
      }
    })();
  };

  const refresh = async (pack: PackSummary) => {
    const answer = await send({ type: 'refreshSubscription', packId: pack.id });
    props.announce(
      answer.ok
        ? answer.updated
          ? i18n.t('options.subscriptions.updated', [pack.publisherName, String(answer.version)])
          : i18n.t('options.subscriptions.unchanged', [pack.publisherName])
        : i18n.t('common.failed', [answer.error]),
    );
    props.reload();
  };

  return (
    <section class="card" aria-labelledby="subscriptions-heading" id="subscriptions">
      <h2 id="subscriptions-heading">{i18n.t('options.subscriptions.heading')}</h2>
      <p class="muted">{i18n.t('options.subscriptions.intro')}</p>
      <form onSubmit={onSubmit} class="subscribe-form">
        <label class="field">
          <span>{i18n.t('options.subscriptions.urlLabel')}</span>
          <input
            type="url"
            required
            placeholder="https://"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{i18n.t('options.subscriptions.keyLabel')}</span>
          <textarea
            rows={2}
            required
            spellcheck={false}
            value={publicKey}
            onInput={(e) => setPublicKey(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('options.subscriptions.submit')}
        </button>
      </form>
      {subscribed.length === 0 ? (
        <p class="muted">{i18n.t('options.subscriptions.empty')}</p>
      ) : (
        <ul class="subscription-list">
          {subscribed.map((pack) => {
            const sub = pack.subscription!;
            return (
              <li key={pack.id} data-testid="subscription">
                <p>
                  <strong>{pack.publisherName}</strong> <span class="muted">{sub.url}</span>
                </p>
                <p class="muted">
                  {pack.enabled
                    ? i18n.t('options.subscriptions.statusActive')
                    : i18n.t('options.subscriptions.statusPaused')}
                  {' · '}
                  {sub.lastCheckedAt
                    ? i18n.t('options.subscriptions.lastCheck', [formatDateTime(sub.lastCheckedAt)])
                    : i18n.t('options.subscriptions.neverChecked')}
                </p>
                {sub.lastError && (
                  <p class="error-text">
                    {i18n.t('options.subscriptions.lastError', [
                      formatDateTime(sub.lastError.at),
                      sub.lastError.message,
                    ])}
                  </p>
                )}
                <button type="button" onClick={() => void refresh(pack)}>
                  {i18n.t('options.subscriptions.refresh')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
