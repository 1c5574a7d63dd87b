// The real-browser harness: a fake Instagram/Facebook/publisher web over HTTPS, and Chromium
// with the built extension pointed at it. Used by tests/e2e, `npm start` and the bench.
export * from './paths';
export * from './certificate';
export * from './server';
export * from './browser';
