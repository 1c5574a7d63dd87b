// npm run pack:keygen -- --out DIR
// Creates a publisher key pair for signing packs: DIR/picket-publisher.private.jwk.json (secret, mode
// 0600, never overwritten) and DIR/picket-publisher.public.txt; prints the public key to give to users.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatePublisherKeys } from '../core/pack/signature';

export const PRIVATE_KEY_FILE = 'picket-publisher.private.jwk.json';
export const PUBLIC_KEY_FILE = 'picket-publisher.public.txt';

function fail(message: string): never {
  console.error(`pack:keygen: ${message}`);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out || args.length !== 2) fail('usage: npm run pack:keygen -- --out DIR');
  const dir = resolve(out);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    fail(`cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const keys = await generatePublisherKeys();
  const privateFile = join(dir, PRIVATE_KEY_FILE);
  const publicFile = join(dir, PUBLIC_KEY_FILE);
  try {
    // 'wx': an existing key is never replaced — losing it would orphan every subscriber.
    writeFileSync(privateFile, JSON.stringify(keys.privateJwk, null, 2) + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EEXIST'
        ? `${privateFile} already exists; move it away first if you really want a new key`
        : `cannot write ${privateFile} (${code ?? 'error'})`,
    );
  }
  writeFileSync(publicFile, keys.publicKeyBase64 + '\n');
  console.log(`Private key (keep it secret, back it up): ${privateFile}`);
  console.log(`Public key, also in ${publicFile} — give this to your users:`);
  console.log(keys.publicKeyBase64);
}

main(process.argv.slice(2)).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
