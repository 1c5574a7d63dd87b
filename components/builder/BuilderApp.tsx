// The pack builder page: forms for the pack and campaign, the participants' spreadsheet, live checks
// by the same conversion and validator as pack:from-csv (core/pack/spreadsheet.ts), a preview of
// one participant's badge and card, and the pack and its signature as downloads. Offline; stores
// nothing.
import { i18n } from '#i18n';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { packFromSheet } from '../../core/pack/spreadsheet';
import type { SheetProblem } from '../../core/pack/sheet-columns';
import { validatePackText } from '../../core/pack/validate';
import { CampaignForm, PackForm } from './CampaignForm';
import {
  emptyDraft,
  nowStamp,
  packText,
  withValue,
  type Draft,
  type Json,
  type Path,
} from './draft';
import type { Edit } from './Field';
import { placeOf } from './labels';
import { ListEditor } from './ListEditor';
import { OpenFileSection } from './OpenFile';
import { ParticipantsSection } from './Participants';
import { PreviewSection } from './Preview';
import { ProblemsSection } from './Problems';
import { SigningSection } from './Signing';
import '../shared/base.css';
import './builder.css';

/** Typing pauses this long before the checks run again. */
const CHECK_DELAY_MS = 250;

/** Problems at form fields, by the field's id, so each field can say its own. */
function errorsByField(problems: readonly SheetProblem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.path === undefined) continue;
    const field = placeOf(problem.path).field;
    if (field) map.set(field, [...(map.get(field) ?? []), problem.message]);
  }
  return map;
}

/** The draft, and a copy of it that follows after typing pauses (what the checks read). */
function useDraft(initial: () => Draft) {
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(draft);
  useEffect(() => {
    if (checked === draft) return;
    const timer = setTimeout(() => setChecked(draft), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, checked]);
  return { draft, setDraft, checked, checking: checked !== draft };
}

export function BuilderApp() {
  const [now] = useState(nowStamp);
  const { draft, setDraft, checked, checking } = useDraft(() => emptyDraft(now));
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => setMessage(text), []);

  const result = useMemo(
    () => packFromSheet(checked.sheet, checked.campaignFile, { now }),
    [checked, now],
  );
  const text = useMemo(() => {
    if (!result.ok) return null;
    const made = packText(result.pack);
    return validatePackText(made).ok ? made : null;
  }, [result]);
  const edit: Edit = {
    file: draft.campaignFile,
    set: (path: Path, value: unknown) =>
      setDraft((d) => ({ ...d, campaignFile: withValue(d.campaignFile, path, value) as Json })),
    errors: useMemo(() => errorsByField(result.problems), [result]),
  };

  return (
    <div class="builder">
      <header>
        <h1>{i18n.t('builder.title')}</h1>
        <p>{i18n.t('builder.intro')}</p>
      </header>
      <main>
        <OpenFileSection open={(next) => setDraft(next)} announce={announce} />
        <PackForm edit={edit} />
        <CampaignForm edit={edit} />
        <ListEditor edit={edit} list="coalition" />
        <ListEditor edit={edit} list="demands" />
        <ListEditor edit={edit} list="events" />
        <ListEditor edit={edit} list="sources" />
        <ParticipantsSection
          sheet={draft.sheet}
          setSheet={(sheet) => setDraft((d) => ({ ...d, sheet }))}
          announce={announce}
        />
        <ProblemsSection
          checking={checking}
          problems={result.problems}
          warnings={result.warnings}
          warningCount={result.warningCount}
        />
        <PreviewSection campaign={result.pack.campaigns?.[0]} />
        <SigningSection packText={checking ? null : text} announce={announce} />
      </main>
      <div class="live" aria-live="polite" role="status" data-testid="announcer">
        {message}
      </div>
    </div>
  );
}
