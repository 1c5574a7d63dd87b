// A running import as the options page shows it: a labelled progress bar, its step said politely
// to screen readers, and a Cancel button. The background's `importProgress` messages feed it.
import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ImportProgress } from '../../core/import-progress';
import { parseImportProgress } from '../../core/messages';
import { sendFromPage as send } from '../shared/send';
import { formatNumber } from '../shared/format';

/** The import this page is running (if any) and how far it has come. */
export function useImportProgress() {
  const [importId, setImportId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const listener = (message: unknown) => {
      const update = parseImportProgress(message);
      if (!update || update.importId !== current.current) return;
      const { phase, done, total } = update;
      setProgress({ phase, done, total });
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  /** Runs `task` as a tracked import: it gets the id to send along with its request. */
  const run = async <T,>(task: (id: string) => Promise<T>): Promise<T> => {
    const id = crypto.randomUUID();
    current.current = id;
    setImportId(id);
    setProgress({ phase: 'validating', done: 0, total: 0 });
    try {
      return await task(id);
    } finally {
      current.current = null;
      setImportId(null);
      setProgress(null);
    }
  };

  const cancel = () => {
    if (current.current) void send({ type: 'cancelImport', importId: current.current });
  };

  return { importId, progress, run, cancel };
}

function phaseText(progress: ImportProgress): string {
  switch (progress.phase) {
    case 'validating':
      return i18n.t('options.import.progress.validating');
    case 'indexing':
      return i18n.t('options.import.progress.indexing');
    case 'saving':
      return i18n.t('options.import.progress.saving');
    default:
      return progress.total > 0
        ? i18n.t('options.import.progress.writing', [
            formatNumber(progress.done),
            formatNumber(progress.total),
          ])
        : i18n.t('options.import.progress.writingStart');
  }
}

/**
 * Always in the layout, one fixed height whether an import runs or not, so neither the bar's
 * appearance nor its changing words move what is below; the status line stays in the page so
 * screen readers hear each step. Before rows are written the bar is indeterminate.
 */
export function ImportProgressBar(props: {
  progress: ImportProgress | null;
  onCancel: () => void;
}) {
  const { progress } = props;
  const barId = useId();
  const determinate = progress?.phase === 'writing' && progress.total > 0;
  return (
    <div class="import-progress" data-testid="import-progress">
      <p class="muted import-phase" role="status" aria-live="polite" data-testid="import-phase">
        {progress ? phaseText(progress) : ''}
      </p>
      {progress && (
        <div class="import-progress-row">
          <label for={barId}>{i18n.t('options.import.progress.label')}</label>
          <progress
            id={barId}
            {...(determinate && { value: progress.done, max: progress.total })}
          />
          <button type="button" onClick={props.onCancel} data-testid="import-cancel">
            {i18n.t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
