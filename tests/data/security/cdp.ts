// Reading what a page cannot: the inside of a closed shadow root, through the DevTools protocol
// (DOM.getDocument with pierce:true reaches closed roots; resolveNode + callFunctionOn then read
// it as the browser sees it). Test-only: the page itself gets `shadowRoot === null`.
import type { Page } from 'playwright-core';

export interface ShadowSnapshot {
  mode: string;
  /** Every text node's data, in document order (style text excluded). */
  texts: string[];
  /** All text of the root except style elements. */
  fullText: string;
  elements: { tag: string; attributes: string[] }[];
  links: { href: string | null; rel: string; target: string; text: string }[];
  popoverOpen: boolean;
  iconSize: { width: number; height: number };
  buttonBackground: string;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/** `picket-badge[data-handle="x"]` or a bare tag name: all this helper needs to match. */
function matcher(selector: string): (node: CdpNode) => boolean {
  const match = /^([a-z-]+)(?:\[([a-z-]+)="([^"]*)"\])?$/.exec(selector);
  if (!match) throw new Error(`Unsupported selector ${selector}`);
  const [, tag, attribute, value] = match;
  return (node) => {
    if (node.localName !== tag) return false;
    if (!attribute) return true;
    const attributes = node.attributes ?? [];
    for (let i = 0; i < attributes.length; i += 2) {
      if (attributes[i] === attribute && attributes[i + 1] === value) return true;
    }
    return false;
  };
}

function find(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

const SNAPSHOT = `function () {
  const root = this;
  const texts = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (walker.currentNode.parentElement && walker.currentNode.parentElement.localName === 'style') continue;
    texts.push(walker.currentNode.data);
  }
  const pop = root.querySelector('.pop');
  const icon = root.querySelector('svg');
  const button = root.querySelector('button');
  const iconBox = icon ? icon.getBoundingClientRect() : { width: 0, height: 0 };
  return {
    mode: root.mode,
    texts,
    fullText: texts.join(''),
    elements: [...root.querySelectorAll('*')].map((e) => ({ tag: e.localName, attributes: e.getAttributeNames() })),
    links: [...root.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target, text: a.textContent })),
    popoverOpen: !!pop && (pop.matches(':popover-open') || (pop.hidden === false && !pop.hasAttribute('popover'))),
    iconSize: { width: iconBox.width, height: iconBox.height },
    buttonBackground: button ? getComputedStyle(button).backgroundColor : '',
  };
}`;

/** A snapshot of the first element matching `selector`'s (closed) shadow root. */
export async function shadowOf(page: Page, selector: string): Promise<ShadowSnapshot> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = find(root, matcher(selector));
    if (!host) throw new Error(`No ${selector} in the page`);
    const shadow = host.shadowRoots?.[0];
    if (!shadow) throw new Error(`${selector} has no shadow root`);
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: SNAPSHOT,
      returnByValue: true,
    })) as { result: { value: ShadowSnapshot } };
    return result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The `data-handle` of every element with tag `tag`, read through the DOM domain: no page
 * JavaScript runs, so it works on pages that have broken their own built-ins.
 */
export async function handlesViaDom(page: Page, tag = 'picket-badge'): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: CdpNode };
    const handles: string[] = [];
    const walk = (node: CdpNode): void => {
      if (node.localName === tag) {
        const attributes = node.attributes ?? [];
        const index = attributes.indexOf('data-handle');
        if (index >= 0 && index % 2 === 0) handles.push(attributes[index + 1] ?? '');
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    return handles;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
