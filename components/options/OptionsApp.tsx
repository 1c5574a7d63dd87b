import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoreSnapshot } from '../../core/store-views';
import { loadSnapshot } from '../../storage/queries';
import { getSettings, settingsItem, updateSettings, type Settings } from '../../storage/settings';
import { notSavedText } from '../shared/save-error';
import { PacksSection } from './Packs';
import { AllowlistSection, RemindersSection, SitesSection, type Change } from './Preferences';
import { ClearDataSection, PrivacySection } from './Privacy';
import { SubscriptionsSection } from './Subscriptions';
import '../shared/base.css';
import './options.css';

const MESSAGE_VISIBLE_MS = 10_000;

type Load = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; snapshot: StoreSnapshot };
/** The cards whose settings can fail to save; each shows its own failure. */
type SettingsCard = 'packs' | 'sites' | 'allowlist' | 'reminders';

export function OptionsApp() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState('');
  const [saveErrors, setSaveErrors] = useState<Partial<Record<SettingsCard, string>>>({});

  // One polite live region tells screen-reader users (and everyone) how each action went.
  const announce = useCallback((text: string) => setMessage(text), []);
  // The toast steps aside after a while; the next outcome replaces it anyway.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), MESSAGE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const reload = useCallback(() => {
    void loadSnapshot().then(
      (snapshot) => setLoad({ kind: 'ready', snapshot }),
      () => setLoad({ kind: 'error' }),
    );
    void getSettings().then(setSettings);
  }, []);

  useEffect(() => {
    reload();
    const unwatch = settingsItem.watch(() => void getSettings().then(setSettings));
    return unwatch;
  }, [reload]);

  /**
   * Saves a settings change made in `card`. When it cannot be saved (storage full, a write
   * error) the card says so, and its controls go back to what is really stored.
   */
  const changeIn =
    (card: SettingsCard): Change =>
    (update, done) => {
      updateSettings(update).then(
        (next) => {
          setSettings(next);
          setSaveErrors((errors) => ({ ...errors, [card]: undefined }));
          announce(done);
        },
        (error: unknown) => {
          const text = notSavedText(error);
          setSaveErrors((errors) => ({ ...errors, [card]: text }));
          announce(text);
          void getSettings().then(setSettings, () => undefined);
        },
      );
    };

  const packs = load.kind === 'ready' ? load.snapshot.packs : [];
  return (
    <div class="options">
      <header>
        <h1>{i18n.t('options.title')}</h1>
        <nav aria-label={i18n.t('options.navLabel')}>
          <ul>
            <li>
              <a href="#packs">{i18n.t('options.packs.heading')}</a>
            </li>
            <li>
              <a href="#subscriptions">{i18n.t('options.subscriptions.heading')}</a>
            </li>
            <li>
              <a href="#sites">{i18n.t('options.sites.heading')}</a>
            </li>
            <li>
              <a href="#allowlist">{i18n.t('options.allowlist.heading')}</a>
            </li>
            <li>
              <a href="#reminders">{i18n.t('options.reminders.heading')}</a>
            </li>
            <li>
              <a href="#privacy">{i18n.t('options.privacy.heading')}</a>
            </li>
          </ul>
        </nav>
        <p>
          <a href="/builder.html" target="_blank" rel="noopener">
            {i18n.t('builder.openLink')}
          </a>
        </p>
      </header>
      <div class="live" aria-live="polite" role="status" data-testid="announcer">
        {message}
      </div>
      <main>
        {load.kind === 'loading' && <p class="muted">{i18n.t('common.loading')}</p>}
        {load.kind === 'error' && (
          <p class="banner error" role="alert">
            {i18n.t('options.loadError')}
          </p>
        )}
        {load.kind === 'ready' && load.snapshot.usingBundledFallback && (
          <p class="banner" role="note">
            {i18n.t('popup.fallbackBanner')}
          </p>
        )}
        {load.kind === 'ready' && (
          <>
            <PacksSection
              packs={packs}
              campaigns={load.snapshot.campaigns}
              toggles={
                settings && {
                  settings,
                  saveError: saveErrors.packs,
                  setCampaignShown: (campaign, shown) =>
                    changeIn('packs')(
                      (s) => ({ ...s, campaigns: { ...s.campaigns, [campaign.key]: shown } }),
                      shown
                        ? i18n.t('options.packs.campaignShown', [campaign.name])
                        : i18n.t('options.packs.campaignHidden', [campaign.name]),
                    ),
                }
              }
              announce={announce}
              reload={reload}
            />
            <SubscriptionsSection packs={packs} announce={announce} reload={reload} />
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
