// ?view=campaign (a reminder notification's click) brings the campaign into view once it is there.
import { useEffect, useRef } from 'preact/hooks';
import type { CampaignSummary } from '../../core/store-views';

export function useCampaignFocus(search: string, campaign: CampaignSummary | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  const wantsCampaignView = new URLSearchParams(search).get('view') === 'campaign';
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (!wantsCampaignView || focusedOnce.current || !campaign || !heading.current) return;
    focusedOnce.current = true;
    heading.current.scrollIntoView?.({ block: 'start' });
    heading.current.focus();
  }, [wantsCampaignView, campaign]);
  return heading;
}
