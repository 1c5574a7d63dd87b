// The options page: packs and subscriptions, sites, accounts never badged, reminders, privacy;
// everything it shows or changes goes through the background.
import { i18n } from '#i18n';
import type { CampaignSummary } from '../../core/store-views';
import { PacksSection } from './Packs';
import { AllowlistSection, RemindersSection, SitesSection } from './Preferences';
import { ClearDataSection, PrivacySection } from './Privacy';
import { SubscriptionsSection } from './Subscriptions';
import { useAnnouncer } from './useAnnouncer';
import { useOptionsView, type OptionsLoad } from './useOptionsView';
import { useSettingsSaver } from './useSettingsSaver';
import '../shared/base.css';
import './options.css';

export function OptionsApp() {
  const { load, settings, setSettings, reload } = useOptionsView();
  const [message, announce] = useAnnouncer();
  const { changeIn, saveErrors } = useSettingsSaver(setSettings, announce, reload);
  const setCampaignShown = (campaign: CampaignSummary, shown: boolean) =>
    changeIn('packs')(
      { campaigns: { [campaign.key]: shown } },
      shown
        ? i18n.t('options.packs.campaignShown', [campaign.name])
        : i18n.t('options.packs.campaignHidden', [campaign.name]),
    );
  return (
    <div class="options">
      <OptionsHeader />
      <div class="live" aria-live="polite" role="status" data-testid="announcer">
        {message}
      </div>
      <main>
        <LoadState load={load} />
        {load.kind === 'ready' && (
          <>
            <PacksSection
              packs={load.snapshot.packs}
              campaigns={load.snapshot.campaigns}
              toggles={settings && { settings, saveError: saveErrors.packs, setCampaignShown }}
              announce={announce}
              reload={reload}
            />
            <SubscriptionsSection packs={load.snapshot.packs} announce={announce} reload={reload} />
          </>
        )}
        {settings && (
          <>
            <SitesSection
              settings={settings}
              change={changeIn('sites')}
              saveError={saveErrors.sites}
            />
            <AllowlistSection
              settings={settings}
              change={changeIn('allowlist')}
              saveError={saveErrors.allowlist}
            />
            <RemindersSection
              settings={settings}
              change={changeIn('reminders')}
              saveError={saveErrors.reminders}
            />
          </>
        )}
        <PrivacySection />
        <ClearDataSection announce={announce} reload={reload} />
      </main>
    </div>
  );
}

const SECTIONS = [
  ['packs', () => i18n.t('options.packs.heading')],
  ['subscriptions', () => i18n.t('options.subscriptions.heading')],
  ['sites', () => i18n.t('options.sites.heading')],
  ['allowlist', () => i18n.t('options.allowlist.heading')],
  ['reminders', () => i18n.t('options.reminders.heading')],
  ['privacy', () => i18n.t('options.privacy.heading')],
] as const;

function OptionsHeader() {
  return (
    <header>
      <h1>{i18n.t('options.title')}</h1>
      <nav aria-label={i18n.t('options.navLabel')}>
        <ul>
          {SECTIONS.map(([id, heading]) => (
            <li key={id}>
              <a href={`#${id}`}>{heading()}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href="/builder.html" target="_blank" rel="noopener">
          {i18n.t('builder.openLink')}
        </a>
      </p>
    </header>
  );
}

function LoadState(props: { load: OptionsLoad }) {
  const { load } = props;
  if (load.kind === 'loading') return <p class="muted">{i18n.t('common.loading')}</p>;
  if (load.kind === 'error') {
    return (
      <p class="banner error" role="alert">
        {i18n.t('options.loadError')}
      </p>
    );
  }
  return load.snapshot.usingBundledFallback ? (
    <p class="banner" role="note">
      {i18n.t('popup.fallbackBanner')}
    </p>
  ) : null;
}
