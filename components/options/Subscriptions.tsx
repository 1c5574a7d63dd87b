// The options page's subscriptions card: subscribe to a signed pack, see and refresh each one.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PackConflictInfo } from '../../core/messages';
import { subscriptionFreshness } from '../../core/subscription-freshness';
import type { PackSummary } from '../../core/store-views';
import { formatDateTime, formatLooseDate, formatNumber } from '../shared/format';
import { sendFromPage as send } from '../shared/send';
import type { ActionProps } from './action-props';
import { ImportProgressBar, useImportProgress } from './ImportProgress';
import { conflictAnnouncement, ReplaceConfirm } from './ReplaceConfirm';

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
  const subscribed = props.packs.filter((p) => p.subscription);
  return (
    <section class="card" aria-labelledby="subscriptions-heading" id="subscriptions">
      <h2 id="subscriptions-heading">{i18n.t('options.subscriptions.heading')}</h2>
      <p class="muted">{i18n.t('options.subscriptions.intro')}</p>
      <SubscribeForm announce={props.announce} reload={props.reload} />
      {subscribed.length === 0 ? (
        <p class="muted">{i18n.t('options.subscriptions.empty')}</p>
      ) : (
        <ul class="subscription-list">
          {subscribed.map((pack) => (
            <SubscriptionItem
              key={pack.id}
              pack={pack}
              announce={props.announce}
              reload={props.reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Subscribing: the https address and the publisher's key, the host's permission, then the background. */
function useSubscribe(props: ActionProps) {
  const [url, setUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [busy, setBusy] = useState(false);
  /** A subscription offering an id another source holds, waiting for the user's choice. */
  const [conflict, setConflict] = useState<PackConflictInfo | null>(null);
  const tracker = useImportProgress();

  const sendSubscribe = async (replace: boolean) => {
    setConflict(null);
    const answer = await tracker.run((importId) =>
      send({
        type: 'subscribe',
        url: url.trim(),
        publicKey: publicKey.trim(),
        importId,
        ...(replace && { replace: true }),
      }),
    );
    if (!answer.ok && answer.cancelled) {
      props.announce(i18n.t('options.import.progress.cancelled'));
    } else if (answer.ok) {
      setUrl('');
      setPublicKey('');
      props.announce(i18n.t('options.subscriptions.done', [answer.packId]));
      props.reload();
    } else if (answer.conflict) {
      setConflict(answer.conflict);
      props.announce(conflictAnnouncement(answer.conflict));
    } else {
      props.announce(i18n.t('common.failed', [answer.error]));
    }
  };

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
        await sendSubscribe(false);
      } finally {
        setBusy(false);
      }
    })();
  };

  const replace = () => {
    setBusy(true);
    void sendSubscribe(true).finally(() => setBusy(false));
  };
  return {
    url,
    setUrl,
    publicKey,
    setPublicKey,
    busy,
    conflict,
    setConflict,
    onSubmit,
    replace,
    tracker,
  };
}

function SubscribeForm(props: ActionProps) {
  const form = useSubscribe(props);
  return (
    <>
      <form onSubmit={form.onSubmit} class="subscribe-form">
        <label class="field">
          <span>{i18n.t('options.subscriptions.urlLabel')}</span>
          <input
            type="url"
            required
            placeholder="https://"
            value={form.url}
            onInput={(e) => form.setUrl(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{i18n.t('options.subscriptions.keyLabel')}</span>
          <textarea
            rows={2}
            required
            spellcheck={false}
            value={form.publicKey}
            onInput={(e) => form.setPublicKey(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={form.busy}>
          {i18n.t('options.subscriptions.submit')}
        </button>
      </form>
      <ImportProgressBar progress={form.tracker.progress} onCancel={form.tracker.cancel} />
      {form.conflict && (
        <ReplaceConfirm
          conflict={form.conflict}
          busy={form.busy}
          onReplace={form.replace}
          onCancel={() => form.setConflict(null)}
        />
      )}
    </>
  );
}

function SubscriptionItem(props: ActionProps & { pack: PackSummary }) {
  const { pack } = props;
  const sub = pack.subscription!;
  const refresh = async () => {
    const answer = await send({ type: 'refreshSubscription', packId: pack.id });
    props.announce(
      answer.ok ? refreshOutcome(pack, answer) : i18n.t('common.failed', [answer.error]),
    );
    props.reload();
  };
  return (
    <li data-testid="subscription">
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
      <Staleness pack={pack} />
      {sub.lastError && (
        <p class="error-text">
          {i18n.t('options.subscriptions.lastError', [
            formatDateTime(sub.lastError.at),
            sub.lastError.message,
          ])}
        </p>
      )}
      <button type="button" onClick={() => void refresh()}>
        {i18n.t('options.subscriptions.refresh')}
      </button>
    </li>
  );
}

/** What a refresh found, in one sentence; "up to date" only when it really is. */
function refreshOutcome(
  pack: PackSummary,
  answer: { updated: boolean; version: number; olderVersion?: number },
): string {
  if (answer.updated) {
    return i18n.t('options.subscriptions.updated', [pack.publisherName, String(answer.version)]);
  }
  if (answer.olderVersion !== undefined) {
    return i18n.t('options.subscriptions.olderServed', [
      pack.publisherName,
      formatNumber(answer.olderVersion),
      formatNumber(answer.version),
    ]);
  }
  // This check just succeeded; whether the version has moved on for a long time is what is left.
  const now = Date.now();
  const freshness = subscriptionFreshness(
    { installedAt: pack.installedAt, lastSuccessAt: new Date(now).toISOString() },
    now,
  );
  return freshness.state === 'not-advanced'
    ? i18n.t('options.subscriptions.noNewerSince', [
        pack.publisherName,
        formatLooseDate(freshness.since),
      ])
    : i18n.t('options.subscriptions.unchanged', [pack.publisherName]);
}

/** A subscription that has not moved on for a long time, or cannot be checked, says so. */
function Staleness(props: { pack: PackSummary }) {
  const { pack } = props;
  const freshness = subscriptionFreshness(
    { installedAt: pack.installedAt, ...pack.subscription },
    Date.now(),
  );
  if (freshness.state === 'current') return null;
  return (
    <p class="warning-text" data-testid="subscription-stale">
      {freshness.state === 'failing'
        ? i18n.t('options.subscriptions.staleFailing', [formatDateTime(freshness.since)])
        : i18n.t('options.subscriptions.staleNotAdvanced', [formatLooseDate(freshness.since)])}
    </p>
  );
}
