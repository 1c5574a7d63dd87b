// One labelled form control bound to a value of the campaign file, with the problems found at that
// value said next to it (aria-invalid and aria-describedby, so screen readers read them too).
import type { ComponentChildren } from 'preact';
import { valueAt, type Json, type Path } from './draft';
import { fieldId } from './labels';

/** What every form of the builder gets: the campaign file, how to change it, its problems. */
export interface Edit {
  file: Json;
  set: (path: Path, value: unknown) => void;
  /** Problems by the id of the field they are at. */
  errors: ReadonlyMap<string, string[]>;
}

export interface FieldProps {
  edit: Edit;
  path: Path;
  label: string;
  /** Blank stays "" (a required field) instead of removing the key. */
  required?: boolean;
  multiline?: boolean;
  /** Choices of a fixed-value field: [value, label]; "" leaves the key out. */
  options?: readonly (readonly [string, string])[];
  /** A number field (the version). */
  numeric?: boolean;
  /** A list of ids written "a, b". */
  list?: boolean;
  hint?: string;
}

const pointerOf = (path: Path) => `/${path.join('/')}`;

function shown(value: unknown, list: boolean | undefined): string {
  if (list && Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

function parsed(text: string, props: FieldProps): unknown {
  if (props.list) {
    const ids = text
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return ids.length > 0 ? ids : undefined;
  }
  if (props.numeric && /^\s*\d+\s*$/.test(text)) return Number(text);
  if (text.trim() === '' && !props.required) return undefined;
  return text;
}

export function Field(props: FieldProps) {
  const id = fieldId(pointerOf(props.path));
  const errors = props.edit.errors.get(id) ?? [];
  const value = shown(valueAt(props.edit.file, props.path), props.list);
  const described = [props.hint && `${id}-hint`, errors.length > 0 && `${id}-errors`]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
  const onInput = (event: Event) =>
    props.edit.set(props.path, parsed((event.currentTarget as HTMLInputElement).value, props));
  let control: ComponentChildren;
  if (props.options)
    control = (
      <select {...common} value={value} onChange={onInput}>
        {props.options.map(([option, label]) => (
          <option key={option} value={option}>
            {label}
          </option>
        ))}
      </select>
    );
  else if (props.multiline)
    control = <textarea {...common} rows={2} value={value} onInput={onInput} />;
  else control = <input {...common} type="text" value={value} onInput={onInput} />;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {control}
      {errors.length > 0 && (
        <ul class="field-errors" id={`${id}-errors`}>
          {errors.map((error, i) => (
            <li key={i}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
