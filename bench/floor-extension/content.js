// The floor: the minimum work any extension that badges accounts must do on a feed — watch
// inserted nodes, find their links and parse each href as a URL to recognise an account path.
// No lookup, no badge, no batching. Picket's cost is reported as a multiple of this.
(() => {
  const ACCOUNT_PATH = /^\/([A-Za-z0-9._]{1,30})\/?$/;
  const seen = new Set();

  function scan(root) {
    const links = root.querySelectorAll('a[href]');
    for (const link of links) {
      const url = new URL(link.href);
      const match = ACCOUNT_PATH.exec(url.pathname);
      if (match) seen.add(match[1].toLowerCase());
    }
    if (root.localName === 'a' && root.hasAttribute('href')) {
      const match = ACCOUNT_PATH.exec(new URL(root.href).pathname);
      if (match) seen.add(match[1].toLowerCase());
    }
  }

  scan(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) scan(node);
    }
  }).observe(document.body, { childList: true, subtree: true });

  // Lets the bench confirm, from the isolated world, that the floor really ran.
  globalThis.__picketFloorSeen = seen;
})();
