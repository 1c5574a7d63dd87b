// npm run pack:publish -- pack.json --key KEY --out site/ [--url https://example.org/picket/]
// Writes what any static host serves: site/pack.json (the exact bytes of the pack), its signature
// site/pack.json.sig (what subscriptions verify, as pack:sign writes it) and site/index.html, a
// readable page of every participant with its claim, accounts, dates and sources, and how to
// subscribe. KEY is the private key pack:keygen wrote (JWK) or a P-256 private key in PEM.
// --url is the address the folder will be served at (https); the page then shows the pack's full
// address. An invalid pack, one that breaks an evidence rule (pack:check's errors), a bad key, or a
// pack whose version would not replace the one already in the folder writes nothing; exit 1 with a
// plain message. Never a stack trace.
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publicKeyOf, signPackBytes, verifyPackSignature } from '../core/pack/signature';
import { checkEvidence } from '../core/pack/evidence-rules';
import { validatePackText } from '../core/pack/validate';
import { isHttpsUrl } from '../core/pack/validate-values';
import { formatIssues } from '../core/pack/validate-issues';
import { packPage } from './lib/pack-page';
import { printable, readPackFile } from './pack-file';

const USAGE = 'usage: npm run pack:publish -- pack.json --key KEY --out DIR [--url https://…/]';
const PACK_FILE = 'pack.json';

class Failure extends Error {}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The private key as a JWK, from pack:keygen's JSON file or a PEM (PKCS #8 or SEC 1). */
function readPrivateKey(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(
      `cannot read the key ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`,
    );
  }
  try {
    if (text.trimStart().startsWith('{')) return JSON.parse(text);
    if (text.includes('-----BEGIN')) return createPrivateKey(text).export({ format: 'jwk' });
  } catch {
    // Worded below.
  }
  throw new Failure(
    `the key ${file} is neither a JWK (as pack:keygen writes) nor a PEM private key`,
  );
}

/** Refuses to overwrite a published pack with one subscribers would ignore (same id, not newer). */
function checkReplaces(outDir: string, bytes: Uint8Array, id: string, version: number): void {
  let previous: Buffer;
  try {
    previous = readFileSync(join(outDir, PACK_FILE));
  } catch {
    return; // nothing published there yet
  }
  if (previous.equals(bytes)) return;
  const old = validatePackText(previous.toString('utf8'));
  if (old.ok && old.pack.id === id && old.pack.version >= version) {
    throw new Failure(
      `${join(outDir, PACK_FILE)} already holds version ${old.pack.version} of ${id}: raise "version" ` +
        `above it (subscribers ignore a pack that is not newer); nothing written`,
    );
  }
}

async function main(args: string[]): Promise<void> {
  const keyFile = option(args, '--key');
  const out = option(args, '--out');
  const url = option(args, '--url');
  const flags = ['--key', '--out', '--url'];
  const rest = args.filter((arg, i) => !flags.includes(arg) && !flags.includes(args[i - 1] ?? ''));
  if (!keyFile || !out || rest.length !== 1) throw new Failure(USAGE);
  const packFile = rest[0]!;
  let packUrl: string | undefined;
  if (url !== undefined) {
    const base = url.endsWith('/') ? url : `${url}/`;
    packUrl = `${base}${PACK_FILE}`;
    if (!isHttpsUrl(packUrl)) throw new Failure(`--url must be an https:// address, not ${url}`);
  }

  const pack = readPackFile(packFile);
  if (!pack.ok || !pack.bytes) {
    throw new Failure(
      `${packFile} is not a valid pack; nothing written.\n${formatIssues(pack.ok ? [] : pack.issues)}`,
    );
  }
  // What pack:check calls an evidence error means the pack should not go out as it is.
  const evidence = checkEvidence(pack.pack);
  if (evidence.errors > 0) {
    const errors = evidence.findings.filter((finding) => finding.level === 'error');
    throw new Failure(
      `${packFile} breaks an evidence rule; nothing written.\n` +
        errors.map((finding) => `${finding.path}: ${finding.message}`).join('\n'),
    );
  }
  const jwk = readPrivateKey(keyFile);
  let signature: string;
  let publicKey: string;
  try {
    signature = await signPackBytes(pack.bytes, jwk);
    publicKey = await publicKeyOf(jwk);
  } catch (error) {
    throw new Failure(
      `cannot sign with ${keyFile}: ${error instanceof Error ? error.message : 'bad key'}`,
    );
  }
  // Checked the way subscriptions check it, before anything is written.
  if (!(await verifyPackSignature(pack.bytes, signature, publicKey)))
    throw new Failure('the signature did not verify; nothing written');

  const outDir = resolve(out);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new Failure(
      `cannot create ${outDir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  checkReplaces(outDir, pack.bytes, pack.pack.id, pack.pack.version);
  const files: [string, string | Uint8Array][] = [
    [PACK_FILE, pack.bytes],
    [`${PACK_FILE}.sig`, `${signature}\n`],
    ['index.html', packPage(pack.pack, { packFile: PACK_FILE, packUrl, publicKey })],
  ];
  // Every file is written aside first and then moved in, so a failure leaves the old site whole.
  const staged = files.map(([name, data]) => {
    const temporary = join(outDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, data);
    return [temporary, join(outDir, name)] as const;
  });
  try {
    for (const [temporary, final] of staged) renameSync(temporary, final);
  } finally {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
  }

  console.log(`Published ${pack.pack.id} version ${pack.pack.version} to ${outDir}:`);
  for (const [name] of files) console.log(`  ${join(outDir, name)}`);
  console.log(`Subscribe with: ${packUrl ?? `https://…/${PACK_FILE} (where ${outDir} is served)`}`);
  console.log(`Public key: ${publicKey}`);
  if (evidence.warnings > 0)
    console.log(
      `${evidence.warnings} evidence warning${evidence.warnings === 1 ? '' : 's'}: ` +
        `npm run pack:check -- ${packFile} lists them`,
    );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Line by line: the invalid-pack message lists one problem per line.
  for (const line of `pack:publish: ${message}`.split('\n')) console.error(printable(line));
  process.exitCode = 1;
});
