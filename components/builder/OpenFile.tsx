// Start from an existing pack, or from a campaign file (a pack without participants): the file is
// split into the forms' campaign file and the participants' spreadsheet.
import { i18n } from '#i18n';
import { sheetFromPack } from '../../core/pack/sheet-from-pack';
import type { Draft } from './draft';
import { readFileText, takeFile } from './files';

export interface OpenFileProps {
  open: (draft: Draft) => void;
  announce: (text: string) => void;
}

/** The draft a chosen file gives, or the sentence saying why it gives none. */
export function draftFromText(name: string, text: string): { draft: Draft; said: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return i18n.t('builder.open.notJson', [name, error instanceof Error ? error.message : '']);
  }
  const split = sheetFromPack(value);
  if (!split) return i18n.t('builder.open.notOne', [name]);
  const said = [
    i18n.t('builder.open.opened', split.participants, [name, String(split.participants)]),
  ];
  if (split.notKept.length > 0)
    said.push(i18n.t('builder.open.notKept', [split.notKept.join(', ')]));
  return { draft: { campaignFile: split.campaignFile, sheet: split.sheet }, said: said.join(' ') };
}

export function OpenFileSection(props: OpenFileProps) {
  const open = async (event: Event) => {
    const file = takeFile(event);
    if (!file) return;
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      props.announce(i18n.t('builder.open.notText', [file.name]));
      return;
    }
    const result = draftFromText(file.name, text);
    if (typeof result === 'string') {
      props.announce(result);
      return;
    }
    props.open(result.draft);
    props.announce(result.said);
  };
  return (
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">{i18n.t('builder.open.heading')}</h2>
      <div class="field">
        <label for="open-file">{i18n.t('builder.open.packLabel')}</label>
        <input
          id="open-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void open(event)}
        />
      </div>
    </section>
  );
}
