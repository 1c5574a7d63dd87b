// The pack builder page (builder.html), opened from the options page; never web-accessible.
import { i18n } from '#i18n';
import { render } from 'preact';
import { BuilderApp } from '../../components/builder/BuilderApp';
import { prepareDocument } from '../../components/shared/document';

prepareDocument(i18n.t('builder.title'));
render(<BuilderApp />, document.getElementById('app')!);
