// The pack's own fields, its publisher and the campaign's details, as labelled form fields.
import { i18n } from '#i18n';
import { Field, type Edit } from './Field';
import { CAMPAIGN_LABELS, PACK_LABELS, PUBLISHER_LABELS } from './labels';

const REQUIRED = new Set(['id', 'name', 'version', 'updatedAt']);

export function PackForm(props: { edit: Edit }) {
  return (
    <section aria-labelledby="pack-heading">
      <h2 id="pack-heading">{i18n.t('builder.pack.heading')}</h2>
      {Object.entries(PACK_LABELS).map(([key, label]) => (
        <Field
          key={key}
          edit={props.edit}
          path={[key]}
          label={label()}
          required
          numeric={key === 'version'}
        />
      ))}
      {Object.entries(PUBLISHER_LABELS).map(([key, label]) => (
        <Field
          key={key}
          edit={props.edit}
          path={['publisher', key]}
          label={label()}
          required={key === 'name'}
        />
      ))}
    </section>
  );
}

export function CampaignForm(props: { edit: Edit }) {
  return (
    <section aria-labelledby="campaign-heading">
      <h2 id="campaign-heading">{i18n.t('builder.campaign.heading')}</h2>
      {Object.entries(CAMPAIGN_LABELS).map(([key, label]) => (
        <Field
          key={key}
          edit={props.edit}
          path={['campaigns', 0, key]}
          label={label()}
          required={REQUIRED.has(key)}
          multiline={key === 'summary'}
        />
      ))}
    </section>
  );
}
