// The report page: shows the claim being reported as Picket shows it, composes a plain-text
// correction request for the pack's publisher, and offers to hide the badge right away.
import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReportContext } from '../../core/messages';
import { readReportTarget } from '../../core/report';
import { send } from '../../core/send';
import { SourceList } from '../shared/SourceList';
import {
  campaignLabel,
  composeReport,
  sendTarget,
  shownClaim,
  shownHandle,
  type SendTarget,
} from './compose';
import '../shared/base.css';
import './report.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; context: ReportContext };

/** Copies text with the clipboard API; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ReportApp(props: { search?: string } = {}) {
  const search = props.search ?? location.search;
  const target = useMemo(() => readReportTarget(search), [search]);
  const [load, setLoad] = useState<Load>(() =>
    target ? { kind: 'loading' } : { kind: 'error', message: i18n.t('report.badLink') },
  );

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    void send({ type: 'getReportContext', ...target }).then((answer) => {
      if (cancelled) return;
      setLoad(
        answer.ok
          ? { kind: 'ready', context: answer.context }
          : { kind: 'error', message: i18n.t('report.notFound', [answer.error]) },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [target]);

  return (
    <main class="report">
      <h1>{i18n.t('report.title')}</h1>
      <p>{i18n.t('report.intro')}</p>
      {load.kind === 'loading' && <p class="muted">{i18n.t('common.loading')}</p>}
      {load.kind === 'error' && (
        <p class="banner error" role="alert" data-testid="report-error">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && target && (
        <ReportForm context={load.context} handle={target.handle} />
      )}
    </main>
  );
}

function ReportForm(props: { context: ReportContext; handle: string }) {
  const { context } = props;
  const [wrong, setWrong] = useState('');
  const [evidence, setEvidence] = useState('');
  const [copyStatus, setCopyStatus] = useState('');
  const report = composeReport(context, { wrong, evidence });
  const destination = sendTarget(context.pack.corrections, report);

  const copy = async () => {
    setCopyStatus('');
    const copied = await copyText(report.body);
    setCopyStatus(copied ? i18n.t('report.copied') : i18n.t('report.copyFailed'));
  };

  return (
    <>
      <ClaimSection context={context} handle={props.handle} />
      <section class="card" aria-labelledby="form-heading">
        <h2 id="form-heading">{i18n.t('report.formHeading')}</h2>
        <div class="report-field">
          <label for="report-wrong">{i18n.t('report.wrongLabel')}</label>
          <p id="report-wrong-hint" class="muted">
            {i18n.t('report.wrongHint')}
          </p>
          <textarea
            id="report-wrong"
            rows={4}
            value={wrong}
            aria-describedby="report-wrong-hint"
            onInput={(e) => setWrong(e.currentTarget.value)}
          />
        </div>
        <div class="report-field">
          <label for="report-evidence">{i18n.t('report.evidenceLabel')}</label>
          <p id="report-evidence-hint" class="muted">
            {i18n.t('report.evidenceHint')}
          </p>
          <input
            id="report-evidence"
            type="url"
            value={evidence}
            autocomplete="off"
            aria-describedby="report-evidence-hint"
            onInput={(e) => setEvidence(e.currentTarget.value)}
          />
        </div>
        <div class="report-field">
          <label for="report-text">{i18n.t('report.previewLabel')}</label>
          <textarea id="report-text" rows={12} readOnly value={report.body} />
        </div>
        <div class="report-actions">
          <button type="button" class={destination ? undefined : 'primary'} onClick={copy}>
            {i18n.t('report.copy')}
          </button>
          {destination && <SendLink destination={destination} />}
        </div>
        <p class="muted" data-testid="send-hint">
          {destination?.kind === 'mail'
            ? i18n.t('report.sendMailHint', [destination.address])
            : destination?.kind === 'page'
              ? i18n.t('report.sendPageHint', [destination.host])
              : i18n.t('report.noAddress', [context.pack.publisherName])}
        </p>
        <p role="status" data-testid="copy-status">
          {copyStatus}
        </p>
      </section>
      {context.account && <HideSection context={context} />}
    </>
  );
}

function SendLink(props: { destination: SendTarget }) {
  const { destination } = props;
  // A mailto: link hands over to the mail app; the corrections page opens in a new tab.
  return destination.kind === 'mail' ? (
    <a class="button primary" href={destination.href} data-testid="send">
      {i18n.t('report.send')}
    </a>
  ) : (
    <a
      class="button primary"
      href={destination.href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="send"
    >
      {i18n.t('report.send')}
    </a>
  );
}

function ClaimSection(props: { context: ReportContext; handle: string }) {
  const { pack, campaign, participant, account } = props.context;
  return (
    <section class="card" aria-labelledby="claim-heading">
      <h2 id="claim-heading">{i18n.t('report.claimHeading')}</h2>
      <dl class="report-claim">
        <dt>{i18n.t('report.claimTerm')}</dt>
        <dd data-testid="shown-claim">
          <strong>{shownClaim(props.context)}</strong>
        </dd>
        <dt>{i18n.t('report.participantTerm')}</dt>
        <dd data-testid="participant">{participant.name}</dd>
        <dt>{i18n.t('report.accountTerm')}</dt>
        <dd data-testid="account">
          {shownHandle(account?.handle ?? props.handle)}
          {account?.holder && <span class="muted"> ({account.holder})</span>}
          {account && account.confidence !== 'verified' && (
            <span class="warning"> — {i18n.t('claim.accountLikely')}</span>
          )}
        </dd>
        <dt>{i18n.t('report.campaignTerm')}</dt>
        <dd>{campaignLabel(campaign)}</dd>
        <dt>{i18n.t('claim.sources')}</dt>
        <dd>
          <SourceList sources={participant.sources} label={i18n.t('claim.sources')} />
        </dd>
        <dt>{i18n.t('report.packTerm')}</dt>
        <dd data-testid="pack">{i18n.t('report.packValue', [pack.id, String(pack.version)])}</dd>
        <dt>{i18n.t('report.publisherTerm')}</dt>
        <dd>{pack.publisherName}</dd>
      </dl>
    </section>
  );
}

function HideSection(props: { context: ReportContext }) {
  const account = props.context.account!;
  const handle = shownHandle(account.handle);
  const [status, setStatus] = useState('');
  const hide = async () => {
    const answer = await send({
      type: 'dontBadge',
      platform: account.platform,
      handle: account.handle,
    });
    setStatus(
      answer.ok ? i18n.t('report.hidden', [handle]) : i18n.t('common.failed', [answer.error]),
    );
  };
  return (
    <section class="card" aria-labelledby="hide-heading">
      <h2 id="hide-heading">{i18n.t('report.hideHeading')}</h2>
      <p>{i18n.t('report.hideIntro', [handle])}</p>
      <button type="button" onClick={hide}>
        {i18n.t('report.hideButton')}
      </button>
      <p role="status" data-testid="hide-status">
        {status}
      </p>
    </section>
  );
}
