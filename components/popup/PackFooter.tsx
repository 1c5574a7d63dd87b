// The popup's footer: which pack (and publisher) the campaign comes from, and the way to the options.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { PackSummary } from '../../core/store-views';
import { formatLooseDate, formatNumber } from '../shared/format';

export function openOptions(event: Event): void {
  event.preventDefault();
  void browser.runtime.openOptionsPage();
}

export function PackFooter(props: { pack: PackSummary | undefined }) {
  const { pack } = props;
  return (
    <footer class="pack-footer">
      {pack && (
        <p class="muted" data-testid="pack-info">
          {i18n.t('popup.footer.pack', [
            pack.publisherName,
            formatNumber(pack.version),
            formatLooseDate(pack.updatedAt),
          ])}
        </p>
      )}
      <a href="/options.html" onClick={openOptions}>
        {i18n.t('popup.footer.options')}
      </a>
    </footer>
  );
}
