// `npm start`, `npm test` and `npm run bench` run this first: it names the browser they will drive,
// or prints the one line that says what to install and exits 1, before any build starts.
import { findBrowserHere } from './lib/find-browser';

const result = findBrowserHere();
if (result.ok) {
  console.log(`Browser: ${result.path} (${result.name})`);
} else {
  console.error(result.message);
  process.exitCode = 1;
}
