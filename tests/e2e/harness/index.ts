// What the browser tests import: the shared browser harness (top-level harness/), plus helpers
// only tests use (Firefox lives in ./firefox, imported on its own).
export * from '../../../harness';
