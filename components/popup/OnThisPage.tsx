// The accounts Picket badged on the current tab, as that tab's content script reported them.
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../../core/messages';
import { sendFromPage as send } from '../shared/send';
import { claimLine } from '../shared/claim';
import { ExternalLink } from '../shared/ExternalLink';
import { resolveTabId } from './tabId';

type PageState = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; state: TabState };

function platformName(platform: 'instagram' | 'facebook'): string {
  return platform === 'instagram'
    ? i18n.t('common.platform.instagram')
    : i18n.t('common.platform.facebook');
}

/** The participating accounts Picket badged on the current tab, as reported by its content script. */
export function OnThisPage(props: { search: string }) {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const tabId = await resolveTabId(props.search);
      if (tabId === null) {
        if (!cancelled) setPage({ kind: 'unavailable' });
        return;
      }
      const answer = await send({ type: 'getTabState', tabId });
      if (cancelled) return;
      setPage(answer.ok ? { kind: 'ready', state: answer.state } : { kind: 'unavailable' });
    })();
    return () => {
      cancelled = true;
    };
  }, [props.search]);

  return (
    <section class="card" aria-labelledby="page-heading" data-testid="on-this-page">
      <h2 id="page-heading">{i18n.t('popup.page.heading')}</h2>
      <PageBody page={page} />
    </section>
  );
}

function PageBody(props: { page: PageState }) {
  const { page } = props;
  if (page.kind === 'loading') return <p class="muted">{i18n.t('common.loading')}</p>;
  if (page.kind === 'unavailable') return <p class="muted">{i18n.t('popup.page.unavailable')}</p>;
  const { state } = page;
  if (state.platform === null) return <p class="muted">{i18n.t('popup.page.notSupported')}</p>;
  if (state.unreadable) {
    return (
      <p class="banner" role="note">
        {i18n.t('popup.page.unreadable', [platformName(state.platform)])}
      </p>
    );
  }
  if (state.accounts.length === 0) {
    return <p class="muted">{i18n.t('popup.page.none', [platformName(state.platform)])}</p>;
  }
  return (
    <>
      <p class="muted">{i18n.t('popup.page.count', state.accounts.length)}</p>
      <ul class="page-accounts">
        {state.accounts.map((account) => (
          <li key={`${account.platform}:${account.handle}`} data-testid="page-account">
            <strong>
              {account.handle.startsWith('id:') ? account.handle : `@${account.handle}`}
            </strong>
            {account.entries.map((entry, i) => (
              <p key={i} class="page-entry">
                {entry.participantName}
                <span class="muted"> · {entry.hashtag ?? entry.campaignName}</span>
                <span> · {claimLine(entry)}</span>{' '}
                {entry.sources[0] && (
                  <ExternalLink href={entry.sources[0].url}>
                    {i18n.t('popup.page.source')}
                  </ExternalLink>
                )}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
