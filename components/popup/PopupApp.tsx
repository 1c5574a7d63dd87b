// The toolbar popup: the shown campaign (status, schedule, demands, participants), the accounts
// badged on the tab, and the reminders switch; its data comes from the background in one answer.
import { i18n } from '#i18n';
import { useMemo } from 'preact/hooks';
import type { CampaignSummary } from '../../core/store-views';
import { userTimeZone } from '../../core/time/zone';
import { CampaignSection } from './CampaignSection';
import { Demands } from './Demands';
import { OnThisPage } from './OnThisPage';
import { openOptions, PackFooter } from './PackFooter';
import { Participants } from './Participants';
import { Reminders } from './Reminders';
import { Schedule } from './Schedule';
import { Skeleton } from './Skeleton';
import { TodayReminder } from './TodayReminder';
import { useCampaignFocus } from './useCampaignFocus';
import { useCampaignTime } from './useCampaignTime';
import { useClock } from './useClock';
import { usePopupView, type PopupData, type PopupLoad } from './usePopupView';
import { useRemindersSwitch } from './useRemindersSwitch';
import { useShownCampaign } from './useShownCampaign';
import '../shared/base.css';
import './popup.css';

export function PopupApp(props: { search?: string } = {}) {
  const search = props.search ?? location.search;
  const { load, reload, refresh, setSettings } = usePopupView();
  const data = load.kind === 'ready' ? load.data : null;
  const { campaigns, campaign, choose } = useShownCampaign(data);
  return (
    <div class="popup">
      <header class="popup-header">
        <h1>{i18n.t('popup.title')}</h1>
        {campaigns.length > 1 && campaign && (
          <CampaignSwitcher campaigns={campaigns} campaign={campaign} choose={choose} />
        )}
      </header>
      <main>
        <LoadState load={load} retry={reload} />
        {data && !campaign && <EmptyState search={search} />}
        {data && campaign && (
          <CampaignView
            data={data}
            campaign={campaign}
            campaigns={campaigns}
            search={search}
            setSettings={setSettings}
            refresh={refresh}
          />
        )}
      </main>
      <PackFooter pack={campaign && data?.snapshot.packs.find((p) => p.id === campaign.packId)} />
    </div>
  );
}

function CampaignSwitcher(props: {
  campaigns: CampaignSummary[];
  campaign: CampaignSummary;
  choose: (key: string) => void;
}) {
  return (
    <label class="switcher">
      <span>{i18n.t('popup.switcherLabel')}</span>
      <select value={props.campaign.key} onChange={(e) => props.choose(e.currentTarget.value)}>
        {props.campaigns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.hashtag ? `${c.name} (${c.hashtag})` : c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Loading (and "updating" while the data is upgraded), an error with a retry, or the fallback note. */
function LoadState(props: { load: PopupLoad; retry: () => void }) {
  const { load } = props;
  if (load.kind === 'loading') {
    return (
      <>
        {load.updating && (
          <p class="banner" role="status" data-testid="updating-banner">
            {i18n.t('popup.updating')}
          </p>
        )}
        <Skeleton />
      </>
    );
  }
  if (load.kind === 'error') {
    return (
      <div class="banner error" role="alert">
        <p>{i18n.t('popup.loadError')}</p>
        <button type="button" onClick={props.retry}>
          {i18n.t('common.retry')}
        </button>
      </div>
    );
  }
  return load.data.snapshot.usingBundledFallback ? (
    <p class="banner" role="note" data-testid="fallback-banner">
      {i18n.t('popup.fallbackBanner')}
    </p>
  ) : null;
}

function EmptyState(props: { search: string }) {
  return (
    <>
      <div class="card empty" data-testid="empty-state">
        <p>{i18n.t('popup.empty')}</p>
        <a href="/options.html" onClick={openOptions}>
          {i18n.t('popup.emptyAction')}
        </a>
      </div>
      <OnThisPage search={props.search} />
    </>
  );
}

function CampaignView(props: {
  data: PopupData;
  campaign: CampaignSummary;
  campaigns: CampaignSummary[];
  search: string;
  setSettings: (settings: PopupData['settings']) => void;
  refresh: () => void;
}) {
  const { data, campaign } = props;
  const now = useClock();
  const timeZone = useMemo(userTimeZone, []);
  const time = useCampaignTime(campaign, props.campaigns, data.settings, now, timeZone);
  const heading = useCampaignFocus(props.search, campaign);
  const reminders = useRemindersSwitch(props.setSettings, props.refresh);
  const sources = campaign.sources ?? [];
  return (
    <>
      <TodayReminder
        pending={data.pendingReminder}
        phase={time.phase}
        remindersOn={data.settings.reminders.enabled}
        notificationsFailed={data.notificationsFailed}
      />
      <CampaignSection
        campaign={campaign}
        phase={time.phase}
        now={now}
        timeZone={timeZone}
        headingRef={heading}
      />
      <OnThisPage search={props.search} />
      <Schedule timed={time.timed} now={now} timeZone={timeZone} sources={sources} />
      <Demands demands={campaign.demands} sources={sources} />
      <Participants campaignKey={campaign.key} events={campaign.events} />
      <Reminders
        settings={data.settings}
        nextReminder={time.nextReminder}
        timeZone={timeZone}
        onToggle={reminders.toggle}
        error={reminders.error}
      />
    </>
  );
}
