// Entry of the report page ("Report a mistake"): prepares the document and renders the report.
import { i18n } from '#i18n';
import { render } from 'preact';
import { ReportApp } from '../../components/report/ReportApp';
import { prepareDocument } from '../../components/shared/document';

prepareDocument(i18n.t('report.title'));
render(<ReportApp />, document.getElementById('app')!);
