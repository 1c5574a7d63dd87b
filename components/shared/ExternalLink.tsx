// A link to a pack's https address that opens in a new tab, or plain text when it is no such address.
import type { ComponentChildren } from 'preact';
import { safeHttpsUrl } from '../../core/safe-url';

/** A link out of the extension: https only, new tab, no opener or referrer. Otherwise plain text. */
export function ExternalLink(props: { href: string | undefined; children: ComponentChildren }) {
  const href = safeHttpsUrl(props.href);
  if (!href) return <span>{props.children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}
