// The options page's packs card: each pack (switch, campaigns shown, export, remove) and the import.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendFromPage as send } from '../shared/send';
import type { CampaignSummary, PackOrigin, PackSummary } from '../../core/store-views';
import type { Settings } from '../../core/settings';
import { formatDateTime, formatLooseDate, formatNumber } from '../shared/format';
import type { ActionProps } from './action-props';
import { ImportPack } from './ImportPack';

export function originLabel(origin: PackOrigin): string {
  switch (origin) {
    case 'bundled':
      return i18n.t('options.packs.origin.bundled');
    case 'subscribed':
      return i18n.t('options.packs.origin.subscribed');
    default:
      return i18n.t('options.packs.origin.imported');
  }
}

/** Hands a text to the user as a file, without any network or download permission. */
function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Settings-backed per-campaign switches; absent while settings load. */
export interface CampaignToggles {
  settings: Settings;
  setCampaignShown: (campaign: CampaignSummary, shown: boolean) => void;
  /** Why the last change of these switches was not saved. */
  saveError?: string;
}

export function PacksSection(
  props: ActionProps & {
    packs: PackSummary[];
    campaigns: CampaignSummary[];
    toggles: CampaignToggles | null;
  },
) {
  return (
    <section class="card" aria-labelledby="packs-heading" id="packs">
      <h2 id="packs-heading">{i18n.t('options.packs.heading')}</h2>
      {props.packs.length === 0 ? (
        <p class="muted">{i18n.t('options.packs.empty')}</p>
      ) : (
        <ul class="pack-list">
          {props.packs.map((pack) => (
            <PackItem
              key={pack.id}
              pack={pack}
              campaigns={props.campaigns.filter((c) => c.packId === pack.id)}
              toggles={props.toggles}
              announce={props.announce}
              reload={props.reload}
            />
          ))}
        </ul>
      )}
      <ImportPack announce={props.announce} reload={props.reload} />
    </section>
  );
}

function PackItem(
  props: ActionProps & {
    pack: PackSummary;
    campaigns: CampaignSummary[];
    toggles: CampaignToggles | null;
  },
) {
  const { pack } = props;
  return (
    <li class="pack" data-testid="pack">
      <PackMeta pack={pack} />
      <PackEnabledSwitch pack={pack} announce={props.announce} reload={props.reload} />
      {props.toggles && props.campaigns.length > 0 && (
        <CampaignSwitches
          campaigns={props.campaigns}
          toggles={props.toggles}
          disabled={!pack.enabled}
        />
      )}
      <div class="button-row">
        <ExportButton pack={pack} announce={props.announce} />
        {pack.origin !== 'bundled' && (
          <RemoveButton pack={pack} announce={props.announce} reload={props.reload} />
        )}
      </div>
    </li>
  );
}

function PackMeta(props: { pack: PackSummary }) {
  const { pack } = props;
  return (
    <>
      <h3>
        {pack.publisherName} <span class="muted">({pack.id})</span>
      </h3>
      <p class="muted">
        {i18n.t('options.packs.meta', [
          originLabel(pack.origin),
          formatNumber(pack.version),
          formatLooseDate(pack.updatedAt),
        ])}
        {Date.parse(pack.installedAt) > 0 &&
          ` · ${i18n.t('options.packs.installed', [formatDateTime(pack.installedAt)])}`}
      </p>
      <p class="muted">
        {i18n.t('options.packs.counts', [
          formatNumber(pack.campaignCount),
          formatNumber(pack.participantCount),
          formatNumber(pack.accountCount),
        ])}
      </p>
    </>
  );
}

function PackEnabledSwitch(props: ActionProps & { pack: PackSummary }) {
  const { pack, announce } = props;
  const switchId = `pack-enabled-${pack.id}`;
  const setEnabled = async (enabled: boolean) => {
    const answer = await send({ type: 'setPackEnabled', packId: pack.id, enabled });
    announce(
      answer.ok
        ? enabled
          ? i18n.t('options.packs.enabledDone', [pack.publisherName])
          : i18n.t('options.packs.disabledDone', [pack.publisherName])
        : i18n.t('common.failed', [answer.error]),
    );
    props.reload();
  };
  return (
    <div class="switch-row">
      <input
        id={switchId}
        type="checkbox"
        role="switch"
        checked={pack.enabled}
        onChange={(e) => void setEnabled(e.currentTarget.checked)}
      />
      <label for={switchId}>{i18n.t('options.packs.enabledLabel', [pack.publisherName])}</label>
    </div>
  );
}

function CampaignSwitches(props: {
  campaigns: CampaignSummary[];
  toggles: CampaignToggles;
  disabled: boolean;
}) {
  const { toggles } = props;
  return (
    <fieldset class="campaign-toggles" disabled={props.disabled}>
      <legend>{i18n.t('options.packs.campaignsLegend')}</legend>
      {props.campaigns.map((campaign) => {
        const id = `campaign-shown-${campaign.key}`;
        return (
          <div class="switch-row" key={campaign.key}>
            <input
              id={id}
              type="checkbox"
              role="switch"
              checked={toggles.settings.campaigns[campaign.key] !== false}
              onChange={(e) => toggles.setCampaignShown(campaign, e.currentTarget.checked)}
            />
            <label for={id}>
              {campaign.hashtag ? `${campaign.name} (${campaign.hashtag})` : campaign.name}
            </label>
          </div>
        );
      })}
      {toggles.saveError && (
        <p class="error-text" role="alert" data-testid="save-error">
          {toggles.saveError}
        </p>
      )}
    </fieldset>
  );
}

function ExportButton(props: { pack: PackSummary; announce: (message: string) => void }) {
  const exportPack = async () => {
    const answer = await send({ type: 'exportPack', packId: props.pack.id });
    if (!answer.ok) return props.announce(i18n.t('common.failed', [answer.error]));
    downloadText(answer.text, answer.fileName);
    props.announce(i18n.t('options.packs.exported', [answer.fileName]));
  };
  return (
    <button type="button" onClick={() => void exportPack()}>
      {i18n.t('options.packs.export')}
    </button>
  );
}

/** Removing a pack takes two clicks: the first only asks. */
function RemoveButton(props: ActionProps & { pack: PackSummary }) {
  const { pack } = props;
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    setConfirming(false);
    const answer = await send({ type: 'removePack', packId: pack.id });
    props.announce(
      answer.ok
        ? i18n.t('options.packs.removed', [pack.publisherName])
        : i18n.t('common.failed', [answer.error]),
    );
    props.reload();
  };
  if (!confirming) {
    return (
      <button type="button" class="danger" onClick={() => setConfirming(true)}>
        {i18n.t('options.packs.remove')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={i18n.t('options.packs.confirmRemove', [pack.publisherName])}>
      <span>{i18n.t('options.packs.confirmRemove', [pack.publisherName])} </span>
      <button type="button" class="danger" onClick={() => void remove()}>
        {i18n.t('options.packs.confirmRemoveYes')}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        {i18n.t('common.cancel')}
      </button>
    </span>
  );
}
