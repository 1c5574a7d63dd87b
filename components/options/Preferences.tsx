// The options page's settings cards: sites and surfaces, accounts never badged, reminders.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import {
  SURFACES,
  facebookIdKey,
  facebookVanityKey,
  instagramKey,
  type Surface,
} from '../../core/accounts';
import type { Platform } from '../../core/pack/types';
import { EVE_TIME } from '../../core/reminders/schedule';
import type { Settings } from '../../core/settings';
import type { SettingsPatch } from '../../core/settings-patch';
import { formatWallTime } from '../shared/format';

/** Asks for a settings change; `message` is announced once it is saved. */
export type Change = (patch: SettingsPatch, message: string) => void;

/** A card's settings props: the settings, how to change them, and why the last change failed. */
export interface SettingsCardProps {
  settings: Settings;
  change: Change;
  saveError?: string | undefined;
}

/** Where a card says that its last change could not be saved. */
export function SaveError(props: { text: string | undefined }) {
  return props.text ? (
    <p class="error-text" role="alert" data-testid="save-error">
      {props.text}
    </p>
  ) : null;
}

export function surfaceLabel(surface: Surface): string {
  switch (surface) {
    case 'profile-header':
      return i18n.t('options.surfaces.profileHeader');
    case 'post-author':
      return i18n.t('options.surfaces.postAuthor');
    case 'comment':
      return i18n.t('options.surfaces.comment');
    case 'mention':
      return i18n.t('options.surfaces.mention');
    case 'photo-tag':
      return i18n.t('options.surfaces.photoTag');
    case 'suggestion':
      return i18n.t('options.surfaces.suggestion');
    case 'stories-tray':
      return i18n.t('options.surfaces.storiesTray');
    case 'story':
      return i18n.t('options.surfaces.story');
    case 'reel':
      return i18n.t('options.surfaces.reel');
    case 'search':
      return i18n.t('options.surfaces.search');
    case 'likes-dialog':
      return i18n.t('options.surfaces.likesDialog');
    case 'followers-dialog':
      return i18n.t('options.surfaces.followersDialog');
    case 'hovercard':
      return i18n.t('options.surfaces.hovercard');
    default:
      return i18n.t('options.surfaces.other');
  }
}

function platformLabel(platform: Platform): string {
  return platform === 'instagram'
    ? i18n.t('common.platform.instagram')
    : i18n.t('common.platform.facebook');
}

function Switch(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
}) {
  return (
    <div class="switch-row">
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        aria-describedby={props.describedBy}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

export function SitesSection(props: SettingsCardProps) {
  return (
    <section class="card" aria-labelledby="sites-heading" id="sites">
      <h2 id="sites-heading">{i18n.t('options.sites.heading')}</h2>
      <SiteSwitches {...props} />
      <SurfaceSwitches {...props} />
      <BadgeStyleChoice {...props} />
      <VerifiedOnlySwitch {...props} />
      <SaveError text={props.saveError} />
    </section>
  );
}

function SiteSwitches(props: SettingsCardProps) {
  const { settings, change } = props;
  return (
    <fieldset>
      <legend>{i18n.t('options.sites.sitesLegend')}</legend>
      {(['instagram', 'facebook'] as const).map((site) => (
        <Switch
          key={site}
          id={`site-${site}`}
          label={platformLabel(site)}
          checked={settings.sites[site]}
          onChange={(on) =>
            change(
              { sites: { [site]: on } },
              on
                ? i18n.t('options.sites.siteOn', [platformLabel(site)])
                : i18n.t('options.sites.siteOff', [platformLabel(site)]),
            )
          }
        />
      ))}
    </fieldset>
  );
}

function SurfaceSwitches(props: SettingsCardProps) {
  const { settings, change } = props;
  return (
    <fieldset>
      <legend>{i18n.t('options.sites.surfacesLegend')}</legend>
      <div class="surface-grid">
        {SURFACES.map((surface) => (
          <Switch
            key={surface}
            id={`surface-${surface}`}
            label={surfaceLabel(surface)}
            checked={settings.surfaces[surface]}
            onChange={(on) =>
              change(
                { surfaces: { [surface]: on } },
                on
                  ? i18n.t('options.sites.siteOn', [surfaceLabel(surface)])
                  : i18n.t('options.sites.siteOff', [surfaceLabel(surface)]),
              )
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

function BadgeStyleChoice(props: SettingsCardProps) {
  const { settings, change } = props;
  return (
    <fieldset>
      <legend>{i18n.t('options.badgeStyle.legend')}</legend>
      {(['label', 'compact'] as const).map((style) => (
        <label key={style} class="radio">
          <input
            type="radio"
            name="badge-style"
            value={style}
            checked={settings.badgeStyle === style}
            onChange={() => change({ badgeStyle: style }, i18n.t('options.badgeStyle.saved'))}
          />{' '}
          {style === 'label'
            ? i18n.t('options.badgeStyle.label')
            : i18n.t('options.badgeStyle.compact')}
        </label>
      ))}
    </fieldset>
  );
}

function VerifiedOnlySwitch(props: SettingsCardProps) {
  const { settings, change } = props;
  return (
    <>
      <Switch
        id="verified-only"
        label={i18n.t('options.verifiedOnly.label')}
        checked={settings.verifiedOnly}
        describedBy="verified-only-hint"
        onChange={(on) =>
          change(
            { verifiedOnly: on },
            on ? i18n.t('options.verifiedOnly.on') : i18n.t('options.verifiedOnly.off'),
          )
        }
      />
      <p id="verified-only-hint" class="muted switch-hint">
        {i18n.t('options.verifiedOnly.hint')}
      </p>
    </>
  );
}

/** Normalises what the user typed into an account key (`platform:key`), or null if invalid. */
export function allowlistKey(platform: Platform, typed: string): string | null {
  const handle = typed.trim().replace(/^@/, '');
  if (platform === 'instagram') {
    const key = instagramKey(handle);
    return key ? `instagram:${key}` : null;
  }
  const key = facebookIdKey(handle) ?? facebookVanityKey(handle);
  return key ? `facebook:${key}` : null;
}

export function AllowlistSection(props: SettingsCardProps) {
  const { settings, change } = props;
  const [platform, setPlatform] = useState<Platform>('instagram');
  const [handle, setHandle] = useState('');
  const [error, setError] = useState('');

  const add = (event: Event) => {
    event.preventDefault();
    const key = allowlistKey(platform, handle);
    if (!key) {
      setError(i18n.t('options.allowlist.invalid'));
      return;
    }
    setError('');
    setHandle('');
    if (settings.allowlist.includes(key)) return;
    change({ allowlist: { add: key } }, i18n.t('options.allowlist.added', [key]));
  };

  return (
    <section class="card" aria-labelledby="allowlist-heading" id="allowlist">
      <h2 id="allowlist-heading">{i18n.t('options.allowlist.heading')}</h2>
      <p class="muted">{i18n.t('options.allowlist.intro')}</p>
      <form class="inline-form" onSubmit={add}>
        <label class="field">
          <span>{i18n.t('options.allowlist.platformLabel')}</span>
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            <option value="instagram">{platformLabel('instagram')}</option>
            <option value="facebook">{platformLabel('facebook')}</option>
          </select>
        </label>
        <label class="field">
          <span>{i18n.t('options.allowlist.handleLabel')}</span>
          <input
            type="text"
            value={handle}
            autocomplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'allowlist-error' : undefined}
            onInput={(e) => setHandle(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{i18n.t('options.allowlist.add')}</button>
      </form>
      {error && (
        <p id="allowlist-error" class="error-text" role="alert">
          {error}
        </p>
      )}
      {settings.allowlist.length === 0 ? (
        <p class="muted">{i18n.t('options.allowlist.empty')}</p>
      ) : (
        <ul class="allowlist">
          {settings.allowlist.map((key) => (
            <li key={key} data-testid="allowlist-entry">
              <code>{key}</code>{' '}
              <button
                type="button"
                aria-label={i18n.t('options.allowlist.removeLabel', [key])}
                onClick={() =>
                  change({ allowlist: { remove: key } }, i18n.t('options.allowlist.removed', [key]))
                }
              >
                {i18n.t('options.allowlist.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SaveError text={props.saveError} />
    </section>
  );
}

export function RemindersSection(props: SettingsCardProps) {
  const { settings, change } = props;
  const reminders = settings.reminders;
  return (
    <section class="card" aria-labelledby="reminders-heading" id="reminders">
      <h2 id="reminders-heading">{i18n.t('options.reminders.heading')}</h2>
      <Switch
        id="reminders-enabled"
        label={i18n.t('options.reminders.enabledLabel')}
        checked={reminders.enabled}
        onChange={(on) =>
          change(
            { reminders: { enabled: on } },
            on ? i18n.t('options.reminders.on') : i18n.t('options.reminders.off'),
          )
        }
      />
      <label class="field">
        <span>{i18n.t('options.reminders.timeLabel')}</span>
        <input
          type="time"
          value={reminders.time}
          onChange={(e) => {
            const time = e.currentTarget.value;
            if (!/^\d{2}:\d{2}$/.test(time)) return;
            change(
              { reminders: { time } },
              i18n.t('options.reminders.timeSaved', [formatWallTime(time)]),
            );
          }}
        />
      </label>
      <div class="check-row">
        <input
          id="reminders-day-before"
          type="checkbox"
          checked={reminders.dayBefore}
          onChange={(e) => {
            const dayBefore = e.currentTarget.checked;
            change(
              { reminders: { dayBefore } },
              dayBefore
                ? i18n.t('options.reminders.dayBeforeOn')
                : i18n.t('options.reminders.dayBeforeOff'),
            );
          }}
        />
        <label for="reminders-day-before">
          {i18n.t('options.reminders.dayBeforeLabel', [formatWallTime(EVE_TIME)])}
        </label>
      </div>
      <SaveError text={props.saveError} />
    </section>
  );
}
