import { i18n } from '#i18n';
import { render } from 'preact';
import { ReportApp } from '../../components/report/ReportApp';
import { prepareDocument } from '../../components/shared/document';

prepareDocument(i18n.t('report.title'));
render(<ReportApp />, document.getElementById('app')!);
