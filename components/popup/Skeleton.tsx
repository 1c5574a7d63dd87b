// What the popup shows while its view is on the way: the shape of the page, announced as loading.
import { i18n } from '#i18n';

/** Placeholder blocks with the real sections' rough heights, so the popup doesn't jump. */
export function Skeleton() {
  return (
    <div class="skeleton" aria-busy="true">
      <p class="visually-hidden" role="status">
        {i18n.t('common.loading')}
      </p>
      <div class="skeleton-block" style={{ height: '120px' }} />
      <div class="skeleton-block" style={{ height: '160px' }} />
      <div class="skeleton-block" style={{ height: '90px' }} />
    </div>
  );
}
