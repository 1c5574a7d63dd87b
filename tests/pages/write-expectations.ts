/**
 * Writes tests/expectations/<page>.json from what the adapters find now. Run it only after changing an
 * adapter, then review every changed file by hand against the page and CATALOGUE.md (git diff shows
 * what moved); `url`, `notes` and `notReported` are kept from the existing file.
 *   npx tsx tests/pages/write-expectations.ts [file-name-filter]
 */
import fs from 'node:fs';
import { adapterFor } from '../../sites/index';
import {
  catalogueKey,
  defaultUrlFor,
  expectationPath,
  expectationsDir,
  fixtureFiles,
  fixturesPresent,
  loadPage,
  readCatalogue,
  readExpectation,
  readFixture,
  summarise,
  type Expectation,
} from './fixture-pages';

async function main(): Promise<void> {
  if (!fixturesPresent) {
    console.log('../shared/fixtures is absent: nothing to write.');
    return;
  }
  const filter = process.argv[2] ?? '';
  const catalogue = readCatalogue();
  fs.mkdirSync(expectationsDir, { recursive: true });
  for (const file of fixtureFiles().filter((name) => name.includes(filter))) {
    const html = readFixture(file);
    const previous = readExpectation(file);
    const url = previous?.url ?? defaultUrlFor(file, html, catalogue);
    const page = loadPage(html, url);
    const adapter = adapterFor(new URL(url).hostname);
    if (!adapter) throw new Error(`no adapter for ${url}`);
    const summary = summarise(adapter.findAccounts(page.document));
    await page.close();
    const found = new Set(
      Object.values(summary.surfaces)
        .flat()
        .concat(Object.values(summary.altKeys ?? {}).flat()),
    );
    const notReported: Record<string, string> = {};
    for (const name of catalogue.get(file)?.usernames ?? []) {
      if (!found.has(catalogueKey(name, file)))
        notReported[name] = previous?.notReported?.[name] ?? 'TODO: say why';
    }
    const expectation: Expectation = {
      url,
      ...summary,
      notes: previous?.notes ?? 'TODO: what was verified by hand',
      ...(Object.keys(notReported).length > 0 ? { notReported } : {}),
    };
    fs.writeFileSync(expectationPath(file), `${JSON.stringify(expectation, null, 2)}\n`);
    const total = Object.values(summary.surfaces).flat().length;
    console.log(`${file}: ${total} refs`);
  }
}

await main();
