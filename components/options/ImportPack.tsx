// The options page's pack import: a file or a pasted text, its size checked here, its content by
// the background, with the import's progress shown and a way to cancel it.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, utf8ByteLength } from '../../core/import-size';
import type { PackConflictInfo } from '../../core/messages';
import type { PackIssue } from '../../core/pack/types';
import { sendFromPage as send } from '../shared/send';
import { formatNumber } from '../shared/format';
import { ImportProgressBar, useImportProgress } from './ImportProgress';
import type { ActionProps } from './action-props';
import { conflictAnnouncement, ReplaceConfirm } from './ReplaceConfirm';

/** The same words for a file and a paste: the size, and the limit. */
function tooLarge(bytes: number): string {
  return i18n.t('options.import.tooLarge', [formatNumber(bytes), formatNumber(MAX_IMPORT_BYTES)]);
}

/** Importing a file or a pasted text: its size checked here, its content by the background. */
function useImport(props: ActionProps) {
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<PackIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [sizeError, setSizeError] = useState('');
  /** A pack offering an id another source holds, waiting for the user's choice. */
  const [conflict, setConflict] = useState<{ info: PackConflictInfo; text: string } | null>(null);
  const tracker = useImportProgress();

  const importText = async (packText: string, replace = false) => {
    setIssues([]);
    setConflict(null);
    // Checked here first, so an oversized paste never travels (and is never called invalid).
    const bytes = utf8ByteLength(packText);
    if (bytes > MAX_IMPORT_BYTES) {
      setSizeError(tooLarge(bytes));
      props.announce(tooLarge(bytes));
      return;
    }
    setSizeError('');
    setBusy(true);
    const answer = await tracker.run((importId) =>
      send({ type: 'importPack', text: packText, importId, ...(replace && { replace: true }) }),
    );
    setBusy(false);
    if (!answer.ok && answer.cancelled) {
      props.announce(i18n.t('options.import.progress.cancelled'));
      return;
    }
    if (answer.ok) {
      setText('');
      props.announce(i18n.t('options.import.done', [answer.packId, formatNumber(answer.version)]));
      props.reload();
      return;
    }
    if (answer.conflict) {
      setConflict({ info: answer.conflict, text: packText });
      props.announce(conflictAnnouncement(answer.conflict));
      return;
    }
    setIssues(answer.issues ?? []);
    props.announce(
      answer.issues?.length
        ? i18n.t('options.import.invalid', answer.issues.length)
        : i18n.t('common.failed', [answer.error]),
    );
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setConflict(null);
      setSizeError(tooLarge(file.size));
      props.announce(tooLarge(file.size));
      input.value = '';
      return;
    }
    await importText(await file.text());
    input.value = '';
  };

  return {
    text,
    setText,
    issues,
    busy,
    sizeError,
    conflict,
    setConflict,
    importText,
    onFile,
    tracker,
  };
}

export function ImportPack(props: ActionProps) {
  const importer = useImport(props);
  const { text, setText, busy, sizeError, conflict, setConflict, importText, onFile } = importer;
  return (
    <div class="import" data-testid="import">
      <h3>{i18n.t('options.import.heading')}</h3>
      <label class="field">
        <span>{i18n.t('options.import.fileLabel')}</span>
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void importText(text);
        }}
      >
        <label class="field">
          <span>{i18n.t('options.import.pasteLabel')}</span>
          <textarea
            rows={5}
            value={text}
            spellcheck={false}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={busy || !text.trim()}>
          {i18n.t('options.import.submit')}
        </button>
      </form>
      <ImportProgressBar progress={importer.tracker.progress} onCancel={importer.tracker.cancel} />
      {sizeError && (
        <p class="error-text" role="alert" data-testid="import-size-error">
          {sizeError}
        </p>
      )}
      {conflict && (
        <ReplaceConfirm
          conflict={conflict.info}
          busy={busy}
          onReplace={() => void importText(conflict.text, true)}
          onCancel={() => setConflict(null)}
        />
      )}
      <ImportIssues issues={importer.issues} />
    </div>
  );
}

function ImportIssues(props: { issues: PackIssue[] }) {
  const { issues } = props;
  if (issues.length === 0) return null;
  return (
    <div class="issues" data-testid="import-issues">
      <h4>{i18n.t('options.import.issuesHeading', issues.length)}</h4>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path || '/'}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
