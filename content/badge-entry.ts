// The contents of a badge's card: one section per campaign entry (claim, who, actions, account,
// sources, "Report a mistake"), built from text nodes only so no datum is ever parsed as markup.
import type { BadgeEntry, BadgeInfo, BadgeSource } from '../core/messages';
import { claimOf, type BadgeContext } from './badge-state';
import { formatPackDate } from '../core/time/pack-date';
import { safeHttpsUrl } from '../core/safe-url';

function textElement<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  // Data may be right-to-left or mixed: let each piece find its own direction.
  element.dir = 'auto';
  element.textContent = text;
  return element;
}

function link(document: Document, href: string, text: string): HTMLAnchorElement {
  const anchor = textElement(document, 'a', text);
  anchor.href = href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

/** Text pieces joined by a separator, each datum in its own element so nothing is re-parsed. */
function pieces(document: Document, tag: 'div' | 'li' | 'p', texts: string[], separator: string) {
  const element = document.createElement(tag);
  texts.forEach((text, index) => {
    if (index > 0) element.append(separator);
    element.append(textElement(document, 'span', text));
  });
  return element;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** One source: publisher, then its title (the link, when the address is https), then its date. */
function sourceItem(document: Document, source: BadgeSource, locale?: string): HTMLLIElement {
  const item = document.createElement('li');
  const name = source.title ?? source.publisher ?? hostOf(source.url);
  if (source.title && source.publisher) {
    item.append(textElement(document, 'span', source.publisher), ': ');
  }
  const url = safeHttpsUrl(source.url);
  item.append(url ? link(document, url, name) : textElement(document, 'span', name));
  if (source.date)
    item.append(', ', textElement(document, 'span', formatPackDate(source.date, locale)));
  return item;
}

function actionList(document: Document, entry: BadgeEntry, context: BadgeContext): Node[] {
  if (entry.actions.length === 0) return [];
  const list = document.createElement('ul');
  for (const action of entry.actions) {
    const texts = [action.summary];
    if (action.eventTitle) texts.push(action.eventTitle);
    if (action.date) texts.push(formatPackDate(action.date, context.locale));
    list.append(pieces(document, 'li', texts, ' — '));
  }
  return [textElement(document, 'h3', context.t('badge.actionsHeading')), list];
}

function accountLines(
  document: Document,
  entry: BadgeEntry,
  info: BadgeInfo,
  context: BadgeContext,
): Node[] {
  const { t } = context;
  const handle = info.handle.startsWith('id:') ? info.handle : `@${info.handle}`;
  const { holder, confidence } = entry.account;
  const text = holder ? t('claim.accountHolder', [handle, holder]) : t('claim.account', [handle]);
  const lines: Node[] = [textElement(document, 'p', text, 'account')];
  if (confidence !== 'verified') {
    lines.push(textElement(document, 'p', t('claim.accountLikely'), 'unverified'));
  }
  return lines;
}

function sourceList(document: Document, entry: BadgeEntry, context: BadgeContext): Node[] {
  if (entry.sources.length === 0) return [];
  const list = document.createElement('ul');
  list.className = 'sources';
  for (const source of entry.sources) list.append(sourceItem(document, source, context.locale));
  return [textElement(document, 'h3', context.t('claim.sources')), list];
}

function reportRow(
  document: Document,
  entry: BadgeEntry,
  info: BadgeInfo,
  context: BadgeContext,
): Node[] {
  const report = context.report;
  if (!report) return [];
  const row = document.createElement('p');
  row.className = 'actions-row';
  const button = textElement(document, 'button', context.t('claim.report'), 'report');
  button.type = 'button';
  button.addEventListener('click', (event) => {
    if (event.isTrusted) report(entry, info);
  });
  row.append(button);
  return [row];
}

export function renderEntry(
  document: Document,
  entry: BadgeEntry,
  info: BadgeInfo,
  context: BadgeContext,
): HTMLElement {
  const section = document.createElement('section');
  section.className = 'entry';
  const who = pieces(document, 'div', [entry.participantName, entry.campaignName], ' · ');
  who.className = 'who';
  section.append(
    // The same words as the badge, with the full date.
    textElement(document, 'div', claimOf(entry, context, 'day'), 'claim'),
    who,
    ...actionList(document, entry, context),
    ...accountLines(document, entry, info, context),
    ...sourceList(document, entry, context),
    ...reportRow(document, entry, info, context),
  );
  return section;
}
