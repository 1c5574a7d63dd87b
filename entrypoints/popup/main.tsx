// Entry of the toolbar popup: prepares the document and renders the popup.
import { i18n } from '#i18n';
import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { prepareDocument } from '../../components/shared/document';

prepareDocument(i18n.t('popup.title'));
render(<PopupApp />, document.getElementById('app')!);
