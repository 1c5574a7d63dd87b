import { storage } from 'wxt/utils/storage';

/** The campaign the user last picked in the popup's switcher (`<packId>/<campaignId>`). */
export const lastCampaignItem = storage.defineItem<string | null>('local:popup.lastCampaign', {
  fallback: null,
});
