// Entry of the options page: prepares the document and renders the options.
import { i18n } from '#i18n';
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { prepareDocument } from '../../components/shared/document';

prepareDocument(i18n.t('options.title'));
render(<OptionsApp />, document.getElementById('app')!);
