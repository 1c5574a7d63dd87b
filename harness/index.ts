// The browser harness: a fake Instagram/Facebook/publisher web over HTTPS, and Chromium with the
// built extension pointed at it. Shared by the browser tests, `npm start` and the bench.
export * from './paths';
export * from './certificate';
export * from './server';
export * from './browser';
