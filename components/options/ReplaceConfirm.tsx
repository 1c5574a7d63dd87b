// Shown when a pack offers an id another source already holds: both publishers side by side, and
// replacing only on an explicit click. The built-in pack's id cannot be taken, so it gets no
// button.
import { i18n } from '#i18n';
import type { PackConflictInfo } from '../../core/messages';

type Source = PackConflictInfo['installed'];

export function sourceText(source: Source): string {
  switch (source.origin) {
    case 'bundled':
      return i18n.t('options.conflict.source.bundled', [source.publisherName]);
    case 'subscribed':
      return i18n.t('options.conflict.source.subscribed', [source.publisherName, source.url ?? '']);
    default:
      return i18n.t('options.conflict.source.imported', [source.publisherName]);
  }
}

/** One sentence for the live region: what happened and what the user can do. */
export function conflictAnnouncement(conflict: PackConflictInfo): string {
  return conflict.installed.origin === 'bundled'
    ? i18n.t('options.conflict.builtIn', [conflict.packId, conflict.installed.publisherName])
    : i18n.t('options.conflict.announce', [conflict.packId]);
}

export function ReplaceConfirm(props: {
  conflict: PackConflictInfo;
  busy: boolean;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { conflict } = props;
  const builtIn = conflict.installed.origin === 'bundled';
  return (
    <div class="conflict" role="group" aria-labelledby="conflict-heading" data-testid="conflict">
      <p id="conflict-heading">
        <strong>
          {builtIn
            ? i18n.t('options.conflict.builtIn', [
                conflict.packId,
                conflict.installed.publisherName,
              ])
            : i18n.t('options.conflict.heading', [conflict.packId])}
        </strong>
      </p>
      <ul>
        <li data-testid="conflict-installed">
          {i18n.t('options.conflict.installed', [sourceText(conflict.installed)])}
        </li>
        <li data-testid="conflict-incoming">
          {i18n.t('options.conflict.incoming', [sourceText(conflict.incoming)])}
        </li>
      </ul>
      {!builtIn && <p>{i18n.t('options.conflict.question')}</p>}
      <div class="button-row">
        {!builtIn && (
          <button type="button" class="danger" disabled={props.busy} onClick={props.onReplace}>
            {i18n.t('options.conflict.replace')}
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          {builtIn ? i18n.t('options.conflict.dismiss') : i18n.t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
