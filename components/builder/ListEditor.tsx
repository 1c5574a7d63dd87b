// The campaign's lists (coalition, demands, events, sources) as one fieldset per item, with buttons
// to add and remove items.
import { i18n } from '#i18n';
import { valueAt, withItem, withoutItem, type Json } from './draft';
import { Field, type Edit } from './Field';
import { ITEM_LABELS, LIST_LABELS } from './labels';

export type ListKey = 'coalition' | 'demands' | 'events' | 'sources';

const EVENT_KINDS = (): [string, string][] => [
  ['boycott', i18n.t('builder.events.kinds.boycott')],
  ['action', i18n.t('builder.events.kinds.action')],
  ['pause', i18n.t('builder.events.kinds.pause')],
  ['deadline', i18n.t('builder.events.kinds.deadline')],
  ['other', i18n.t('builder.events.kinds.other')],
];

const SOURCE_KINDS = (): [string, string][] => [
  ['', i18n.t('builder.sources.kindUnstated')],
  ['own-statement', i18n.t('builder.sources.kinds.ownStatement')],
  ['major-outlet', i18n.t('builder.sources.kinds.majorOutlet')],
  ['other', i18n.t('builder.sources.kinds.other')],
];

interface ListSpec {
  heading: () => string;
  add: () => string;
  intro?: () => string;
  required: readonly string[];
  multiline: readonly string[];
  blank: Json;
}

const LISTS: Record<ListKey, ListSpec> = {
  coalition: {
    heading: () => i18n.t('builder.coalition.heading'),
    add: () => i18n.t('builder.coalition.add'),
    required: ['name'],
    multiline: [],
    blank: { name: '' },
  },
  demands: {
    heading: () => i18n.t('builder.demands.heading'),
    add: () => i18n.t('builder.demands.add'),
    required: ['id', 'title'],
    multiline: ['detail'],
    blank: { id: '', title: '' },
  },
  events: {
    heading: () => i18n.t('builder.events.heading'),
    add: () => i18n.t('builder.events.add'),
    required: ['id', 'title', 'kind', 'start'],
    multiline: ['detail'],
    blank: { id: '', title: '', kind: 'boycott', start: '' },
  },
  sources: {
    heading: () => i18n.t('builder.sources.heading'),
    add: () => i18n.t('builder.sources.add'),
    intro: () => i18n.t('builder.sources.intro'),
    required: ['id', 'url'],
    multiline: [],
    blank: { id: '', url: '' },
  },
};

export function ListEditor(props: { edit: Edit; list: ListKey }) {
  const { edit, list } = props;
  const spec = LISTS[list];
  const path = ['campaigns', 0, list] as const;
  const items = valueAt(edit.file, path);
  const count = Array.isArray(items) ? items.length : 0;
  const headingId = `${list}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{spec.heading()}</h2>
      {spec.intro && <p class="muted">{spec.intro()}</p>}
      {Array.from({ length: count }, (_, index) => {
        const name = ITEM_LABELS[list]!(index + 1);
        return (
          <fieldset key={index} class="item">
            <legend>{name}</legend>
            {Object.entries(LIST_LABELS[list]!).map(([key, label]) => (
              <Field
                key={key}
                edit={edit}
                path={[...path, index, key]}
                label={label()}
                required={spec.required.includes(key)}
                multiline={spec.multiline.includes(key)}
                list={key === 'sources'}
                hint={key === 'sources' ? i18n.t('builder.list.sourcesHint') : undefined}
                options={
                  key === 'kind' ? (list === 'events' ? EVENT_KINDS() : SOURCE_KINDS()) : undefined
                }
              />
            ))}
            <button
              type="button"
              aria-label={i18n.t('builder.list.removeLabel', [name])}
              onClick={() => edit.set([], withoutItem(edit.file, path, index))}
            >
              {i18n.t('builder.list.remove')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => edit.set([], withItem(edit.file, path, spec.blank))}>
        {spec.add()}
      </button>
    </section>
  );
}
