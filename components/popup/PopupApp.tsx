import { i18n } from '#i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nextReminder as findNextReminder, type Reminder } from '../../core/reminders/schedule';
import type { NoticeInfo } from '../../core/messages';
import { sendFromPage as send } from '../shared/send';
import { campaignStatus, timedEvents, type CampaignPhase } from '../../core/time/status';
import { watchDatabaseUpdating } from '../../storage/open-state';
import type { StoreSnapshot } from '../../core/store-views';
import { loadSnapshot } from '../../storage/queries';
import { getSettings, settingsItem, updateSettings, type Settings } from '../../storage/settings';
import { userTimeZone } from '../../core/time/zone';
import { notSavedText } from '../shared/save-error';
import { CampaignSection } from './CampaignSection';
import { Demands } from './Demands';
import { lastCampaignItem } from './lastCampaign';
import { OnThisPage } from './OnThisPage';
import { openOptions, PackFooter } from './PackFooter';
import { Participants } from './Participants';
import { Reminders } from './Reminders';
import { Schedule } from './Schedule';
import { Skeleton } from './Skeleton';
import '../shared/base.css';
import './popup.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; snapshot: StoreSnapshot; remembered: string | null };

interface Status {
  notificationsFailed: boolean;
  /** Today's reminder as the background words it, when it has one due. */
  pendingReminder?: NoticeInfo | null;
}

const CLOCK_TICK_MS = 60_000;

export function PopupApp(props: { search?: string } = {}) {
  const search = props.search ?? location.search;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  /** The database's data is being upgraded or rebuilt: worth saying while loading waits on it. */
  const [updating, setUpdating] = useState(false);
  useEffect(() => watchDatabaseUpdating(setUpdating), []);
  /** Why the reminders switch could not be saved, shown beside it. */
  const [remindersError, setRemindersError] = useState('');
  const campaignHeading = useRef<HTMLHeadingElement>(null);
  const timeZone = useMemo(userTimeZone, []);

  const loadData = useCallback(() => {
    setLoad({ kind: 'loading' });
    // The first render with data waits on the snapshot only; the remembered choice is one
    // storage.local read that finishes well before the database does.
    void Promise.all([loadSnapshot(), lastCampaignItem.getValue().catch(() => null)]).then(
      ([snapshot, remembered]) => setLoad({ kind: 'ready', snapshot, remembered }),
      () => setLoad({ kind: 'error' }),
    );
  }, []);

  useEffect(() => {
    loadData();
    void getSettings().then(setSettings, () => setSettings(null));
    void send({ type: 'getStatus' }).then((answer) => answer.ok && setStatus(answer));
    // Settings can change from the options page while the popup is open.
    const unwatch = settingsItem.watch(() => void getSettings().then(setSettings));
    const clock = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => {
      unwatch();
      clearInterval(clock);
    };
  }, [loadData]);

  const campaigns = useMemo(() => {
    if (load.kind !== 'ready') return [];
    const enabledPacks = new Set(load.snapshot.packs.filter((p) => p.enabled).map((p) => p.id));
    return load.snapshot.campaigns.filter(
      (c) => enabledPacks.has(c.packId) && settings?.campaigns[c.key] !== false,
    );
  }, [load, settings]);

  const campaign =
    campaigns.find((c) => c.key === selected) ??
    campaigns.find((c) => load.kind === 'ready' && c.key === load.remembered) ??
    campaigns[0];

  const timed = useMemo(
    () => (campaign ? timedEvents(campaign.events, timeZone) : []),
    [campaign, timeZone],
  );
  const phase: CampaignPhase = useMemo(() => {
    if (!campaign) return { phase: 'none' };
    try {
      return campaignStatus(campaign.events, new Date(now), timeZone);
    } catch {
      return { phase: 'none' };
    }
  }, [campaign, now, timeZone]);

  // What the reminders line promises: the next reminder of every shown campaign, computed by
  // the same schedule the background uses, as if reminders were on (so "off" can say it too).
  const nextReminder: Reminder | null = useMemo(() => {
    if (!settings) return null;
    try {
      return findNextReminder(campaigns, { ...settings.reminders, enabled: true }, timeZone, now);
    } catch {
      return null;
    }
  }, [campaigns, settings, timeZone, now]);

  // ?view=campaign (the notification's click) brings the campaign into view once it is there.
  const wantsCampaignView = new URLSearchParams(search).get('view') === 'campaign';
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!wantsCampaignView || focusedOnce.current || !campaign || !campaignHeading.current) return;
    focusedOnce.current = true;
    campaignHeading.current.scrollIntoView?.({ block: 'start' });
    campaignHeading.current.focus();
  }, [wantsCampaignView, campaign]);

  const choose = (key: string) => {
    setSelected(key);
    void lastCampaignItem.setValue(key);
  };

  const toggleReminders = (enabled: boolean) => {
    updateSettings((current) => ({
      ...current,
      reminders: { ...current.reminders, enabled },
    })).then(
      (next) => {
        setSettings(next);
        setRemindersError('');
      },
      (error: unknown) => {
        // Say so where it was switched, and show what is really stored.
        setRemindersError(notSavedText(error));
        void getSettings().then(setSettings, () => undefined);
      },
    );
  };

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>{i18n.t('popup.title')}</h1>
        {campaigns.length > 1 && campaign && (
          <label class="switcher">
            <span>{i18n.t('popup.switcherLabel')}</span>
            <select value={campaign.key} onChange={(e) => choose(e.currentTarget.value)}>
              {campaigns.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.hashtag ? `${c.name} (${c.hashtag})` : c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <main>
        {load.kind === 'loading' && updating && (
          <p class="banner" role="status" data-testid="updating-banner">
            {i18n.t('popup.updating')}
          </p>
        )}
        {load.kind === 'loading' && <Skeleton />}
        {load.kind === 'error' && (
          <div class="banner error" role="alert">
            <p>{i18n.t('popup.loadError')}</p>
            <button type="button" onClick={loadData}>
              {i18n.t('common.retry')}
            </button>
          </div>
        )}
        {load.kind === 'ready' && load.snapshot.usingBundledFallback && (
          <p class="banner" role="note" data-testid="fallback-banner">
            {i18n.t('popup.fallbackBanner')}
          </p>
        )}
        {load.kind === 'ready' && !campaign && (
          <div class="card empty" data-testid="empty-state">
            <p>{i18n.t('popup.empty')}</p>
            <a href="/options.html" onClick={openOptions}>
              {i18n.t('popup.emptyAction')}
            </a>
          </div>
        )}
        {load.kind === 'ready' && !campaign && <OnThisPage search={search} />}
        {campaign && (
          <>
            <TodayReminder
              pending={status?.pendingReminder ?? null}
              phase={phase}
              remindersOn={settings?.reminders.enabled ?? false}
              notificationsFailed={status?.notificationsFailed ?? false}
            />
            <CampaignSection
              campaign={campaign}
              phase={phase}
              now={now}
              timeZone={timeZone}
              headingRef={campaignHeading}
            />
            <OnThisPage search={search} />
            <Schedule
              timed={timed}
              now={now}
              timeZone={timeZone}
              sources={campaign.sources ?? []}
            />
            <Demands demands={campaign.demands} sources={campaign.sources ?? []} />
            <Participants campaignKey={campaign.key} events={campaign.events} />
            <Reminders
              settings={settings}
              nextReminder={nextReminder}
              timeZone={timeZone}
              onToggle={toggleReminders}
              error={remindersError}
            />
          </>
        )}
      </main>
      <PackFooter
        pack={
          load.kind === 'ready' && campaign
            ? load.snapshot.packs.find((p) => p.id === campaign.packId)
            : undefined
        }
      />
    </div>
  );
}

/**
 * Today's reminder inside the popup: the background's own wording when it has one pending,
 * else today's event of this campaign, when reminders are on or notifications could not be
 * shown (then the popup is where the reminder reaches the user).
 */
function TodayReminder(props: {
  pending: NoticeInfo | null;
  phase: CampaignPhase;
  remindersOn: boolean;
  notificationsFailed: boolean;
}) {
  const { pending, phase } = props;
  let title: string;
  let detail: string | undefined;
  if (pending) {
    title = pending.title;
    detail = pending.message;
  } else if (phase.phase === 'today' && (props.remindersOn || props.notificationsFailed)) {
    title = i18n.t('popup.reminderToday', [phase.event.title]);
    detail = phase.event.detail;
  } else {
    return null;
  }
  return (
    <div class="banner reminder" role="status" data-testid="reminder-banner">
      <p>
        <strong>{title}</strong>
      </p>
      {detail && <p>{detail}</p>}
      {props.notificationsFailed && <p class="muted">{i18n.t('popup.notificationsFailed')}</p>}
    </div>
  );
}
