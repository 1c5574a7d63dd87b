// Which campaigns the popup may show (enabled packs, not hidden in settings) and which one it shows.
import { useMemo, useState } from 'preact/hooks';
import type { CampaignSummary } from '../../core/store-views';
import { sendFromPage as send } from '../shared/send';
import type { PopupData } from './usePopupView';

export function useShownCampaign(data: PopupData | null): {
  campaigns: CampaignSummary[];
  campaign: CampaignSummary | undefined;
  choose: (key: string) => void;
} {
  const [selected, setSelected] = useState<string | null>(null);
  const campaigns = useMemo(() => {
    if (!data) return [];
    const enabledPacks = new Set(data.snapshot.packs.filter((p) => p.enabled).map((p) => p.id));
    return data.snapshot.campaigns.filter(
      (c) => enabledPacks.has(c.packId) && data.settings.campaigns[c.key] !== false,
    );
  }, [data?.snapshot, data?.settings]);

  const campaign =
    campaigns.find((c) => c.key === selected) ??
    campaigns.find((c) => c.key === data?.lastCampaign) ??
    campaigns[0];

  const choose = (key: string) => {
    setSelected(key);
    void send({ type: 'rememberCampaign', campaignKey: key });
  };
  return { campaigns, campaign, choose };
}
