/* global chrome -- a test extension page: the extension API is a global here */
// Another extension trying every external channel into Picket (id given as ?target=).
// window.probeResult is read back by tests/e2e/security.e2e.test.ts.
const target = new URLSearchParams(location.search).get('target');

async function tryMessage(message) {
  try {
    const answer = await chrome.runtime.sendMessage(target, message);
    return { answered: true, answer: answer ?? null };
  } catch (error) {
    return { answered: false, error: String(error && error.message ? error.message : error) };
  }
}

function tryConnect() {
  return new Promise((done) => {
    try {
      const port = chrome.runtime.connect(target, { name: 'probe' });
      let settled = false;
      port.onMessage.addListener((m) => {
        settled = true;
        done({ answered: true, answer: m });
      });
      port.onDisconnect.addListener(() => {
        if (!settled) done({ answered: false, error: String(chrome.runtime.lastError?.message) });
      });
      port.postMessage({ type: 'getStatus' });
    } catch (error) {
      done({ answered: false, error: String(error) });
    }
  });
}

window.probeResult = (async () => ({
  getStatus: await tryMessage({ type: 'getStatus' }),
  clearAllData: await tryMessage({ type: 'clearAllData' }),
  lookup: await tryMessage({ type: 'lookup', platform: 'instagram', keys: ['kimkardashian'] }),
  connect: await tryConnect(),
}))();
