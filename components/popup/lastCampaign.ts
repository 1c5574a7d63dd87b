// The campaign the user last picked in the popup's switcher; defined with every storage item.
export { lastCampaignItem } from '../../storage/items';
