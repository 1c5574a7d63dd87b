/* global chrome -- a test extension page: the extension API is a global here */
// Called by tests/e2e/resilience.e2e.test.ts: disables, then re-enables, another extension.
window.toggleExtension = async (id) => {
  await chrome.management.setEnabled(id, false);
  const off = await chrome.management.get(id);
  await chrome.management.setEnabled(id, true);
  const on = await chrome.management.get(id);
  return { disabled: off.enabled === false, enabled: on.enabled === true };
};
