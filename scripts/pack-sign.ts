// npm run pack:sign -- --key KEY.jwk.json pack.json
// Validates the pack, then writes pack.json.sig: the base64 ECDSA P-256/SHA-256 signature over the
// exact bytes of pack.json. Publish both files; any later edit to pack.json needs a new signature.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatIssues } from '../core/pack/validate-issues';
import { publicKeyOf, signPackBytes, verifyPackSignature } from '../core/pack/signature';
import { printable, readPackFile } from './pack-file';

function fail(message: string): never {
  console.error(`pack:sign: ${message}`);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--key');
  const keyFile = at >= 0 ? args[at + 1] : undefined;
  const rest = args.filter((_, i) => i !== at && i !== at + 1);
  if (!keyFile || rest.length !== 1)
    fail('usage: npm run pack:sign -- --key KEY.jwk.json pack.json');
  const packFile = rest[0]!;

  const pack = readPackFile(packFile);
  if (!pack.ok || !pack.bytes) {
    const issues = pack.ok ? [] : pack.issues;
    fail(
      `${printable(packFile)} is not a valid pack; nothing signed.\n${printable(formatIssues(issues))}`,
    );
  }

  let jwk: unknown;
  try {
    jwk = JSON.parse(readFileSync(keyFile, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read the key ${keyFile}: ${code ?? 'not JSON'}`);
  }
  let signature: string;
  let publicKey: string;
  try {
    signature = await signPackBytes(pack.bytes, jwk);
    publicKey = await publicKeyOf(jwk);
  } catch (error) {
    fail(`cannot sign with ${keyFile}: ${error instanceof Error ? error.message : 'bad key'}`);
  }
  // Check our own output the way the extension will, before anyone downloads it.
  if (!(await verifyPackSignature(pack.bytes, signature, publicKey))) {
    fail('the signature did not verify; nothing written');
  }
  const sigFile = `${packFile}.sig`;
  writeFileSync(sigFile, signature + '\n');
  console.log(`Signed ${packFile} → ${sigFile}`);
  console.log(`Public key (what users must have): ${publicKey}`);
}

main(process.argv.slice(2)).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
