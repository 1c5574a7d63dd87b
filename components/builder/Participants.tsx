// The participants: a spreadsheet pasted into a text area or loaded from a CSV/TSV file, and an
// empty template with the documented header to start from.
import { i18n } from '#i18n';
import { SHEET_COLUMNS } from '../../core/pack/sheet-columns';
import { SHEET_TEMPLATE } from './draft';
import { downloadText, readFileText, takeFile } from './files';

export interface ParticipantsProps {
  sheet: string;
  setSheet: (text: string) => void;
  announce: (text: string) => void;
}

export function ParticipantsSection(props: ParticipantsProps) {
  const load = async (event: Event) => {
    const file = takeFile(event);
    if (!file) return;
    try {
      props.setSheet(await readFileText(file));
      props.announce(i18n.t('builder.people.loaded', [file.name]));
    } catch {
      props.announce(i18n.t('builder.open.notText', [file.name]));
    }
  };
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{i18n.t('builder.people.heading')}</h2>
      <p class="muted">
        {i18n.t('builder.people.intro', [Object.values(SHEET_COLUMNS).join(', ')])}
      </p>
      <div class="field">
        <label for="sheet-file">{i18n.t('builder.people.fileLabel')}</label>
        <input
          id="sheet-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(event) => void load(event)}
        />
      </div>
      <div class="field">
        <label for="sheet">{i18n.t('builder.people.sheetLabel')}</label>
        <textarea
          id="sheet"
          class="sheet"
          rows={12}
          spellcheck={false}
          value={props.sheet}
          onInput={(event) => props.setSheet(event.currentTarget.value)}
        />
      </div>
      <button
        type="button"
        onClick={() => downloadText(SHEET_TEMPLATE, 'participants.csv', 'text/csv')}
      >
        {i18n.t('builder.people.template')}
      </button>
    </section>
  );
}
