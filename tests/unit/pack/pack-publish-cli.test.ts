// `npm run pack:publish`, end to end into a temporary folder: the pack's exact bytes, a signature
// that the subscriptions' own check accepts (and refuses after a one-byte change), the page, a
// PEM key as well as pack:keygen's, and nothing written when anything is wrong.
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPackSignature } from '../../../core/pack/signature';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');
const goodPack = resolve(repoRoot, 'tests/data/packs/good-full.json');
const dir = mkdtempSync(join(tmpdir(), 'pack-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const result = spawnSync(resolve(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, out: result.stdout + result.stderr };
}
const publish = (...args: string[]) => run('scripts/pack-publish.ts', ...args);

let jwkFile: string;
let publicKey: string;

beforeAll(() => {
  const keygen = run('scripts/pack-keygen.ts', '--out', join(dir, 'keys'));
  expect(keygen.code, keygen.out).toBe(0);
  jwkFile = join(dir, 'keys/picket-publisher.private.jwk.json');
  publicKey = readFileSync(join(dir, 'keys/picket-publisher.public.txt'), 'utf8').trim();
});

describe('npm run pack:publish', () => {
  it('writes the pack, a signature subscriptions accept, and the page; a changed byte fails', async () => {
    const site = join(dir, 'site');
    const { code, stdout, out } = publish(
      goodPack,
      '--key',
      jwkFile,
      '--out',
      site,
      '--url',
      'https://tenants.example.org/picket',
    );
    expect(code, out).toBe(0);
    expect(stdout).toContain('Subscribe with: https://tenants.example.org/picket/pack.json');
    expect(stdout).toContain(`Public key: ${publicKey}`);
    expect(readdirSync(site).sort()).toEqual(['index.html', 'pack.json', 'pack.json.sig']);

    const bytes = readFileSync(join(site, 'pack.json'));
    expect(bytes.equals(readFileSync(goodPack))).toBe(true);
    const signature = readFileSync(join(site, 'pack.json.sig'), 'utf8');
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(await verifyPackSignature(bytes, signature, publicKey)).toBe(true);
    for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = Uint8Array.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      expect(await verifyPackSignature(changed, signature, publicKey)).toBe(false);
    }

    const page = readFileSync(join(site, 'index.html'), 'utf8');
    expect(page).toContain(
      '<code data-testid="pack-url">https://tenants.example.org/picket/pack.json</code>',
    );
    expect(page).toContain(`<code data-testid="public-key">${publicKey}</code>`);
    expect(page).toContain('Ana Tenant');
    expect(page).not.toMatch(/<script/i);
  });

  it('signs with a PEM private key too, the same way', async () => {
    const jwk = JSON.parse(readFileSync(jwkFile, 'utf8')) as JsonWebKey;
    const pem = createPrivateKey({ key: jwk as never, format: 'jwk' }).export({
      type: 'pkcs8',
      format: 'pem',
    });
    const pemFile = join(dir, 'key.pem');
    writeFileSync(pemFile, pem);
    const site = join(dir, 'site-pem');
    const { code, out } = publish(goodPack, '--key', pemFile, '--out', site);
    expect(code, out).toBe(0);
    const signature = readFileSync(join(site, 'pack.json.sig'), 'utf8');
    expect(
      await verifyPackSignature(readFileSync(join(site, 'pack.json')), signature, publicKey),
    ).toBe(true);
  });

  it('writes nothing for an invalid pack, an evidence error, a bad key, an http address or bad arguments', () => {
    const site = join(dir, 'nothing');
    const notAKey = join(dir, 'not-a-key.txt');
    writeFileSync(notAKey, 'hello');
    // Valid, but one account under two participants: pack:check's evidence error.
    const twice = JSON.parse(readFileSync(goodPack, 'utf8')) as {
      campaigns: { participants: { accounts: unknown[] }[] }[];
    };
    const [first, second] = twice.campaigns[0]!.participants;
    second!.accounts.push(first!.accounts[0]);
    const twiceFile = join(dir, 'twice.json');
    writeFileSync(twiceFile, JSON.stringify(twice));
    const cases: [string[], RegExp][] = [
      [
        [resolve(repoRoot, 'tests/data/packs/bad-handle.json'), '--key', jwkFile, '--out', site],
        /is not a valid pack; nothing written\.\n\/campaigns\/0\/participants\/0\/accounts\/0\/handle: not a valid Instagram username/,
      ],
      [
        [twiceFile, '--key', jwkFile, '--out', site],
        /breaks an evidence rule; nothing written\.\n\/campaigns\/0\/participants\/1\/accounts\/\d+: the same account/,
      ],
      [
        [goodPack, '--key', notAKey, '--out', site],
        /neither a JWK \(as pack:keygen writes\) nor a PEM private key/,
      ],
      [
        [goodPack, '--key', join(dir, 'keys/picket-publisher.public.txt'), '--out', site],
        /neither a JWK/,
      ],
      [
        [goodPack, '--key', join(dir, 'missing.json'), '--out', site],
        /cannot read the key .* \(no such file\)/,
      ],
      [
        [goodPack, '--key', jwkFile, '--out', site, '--url', 'http://tenants.example.org/'],
        /--url must be an https:\/\/ address/,
      ],
      [
        [goodPack, '--out', site],
        /^pack:publish: usage: npm run pack:publish -- pack\.json --key KEY --out DIR/,
      ],
    ];
    for (const [args, expected] of cases) {
      const { code, out } = publish(...args);
      expect(code, out).toBe(1);
      expect(out).toMatch(expected);
      expect(out).not.toMatch(/\n\s+at /);
      expect(existsSync(site)).toBe(false);
    }
  });

  it('will not replace a published version with a different pack of the same version', () => {
    const site = join(dir, 'site-versions');
    expect(publish(goodPack, '--key', jwkFile, '--out', site).code).toBe(0);
    // Publishing the very same file again is fine (with a new signature: ECDSA's are randomised).
    expect(publish(goodPack, '--key', jwkFile, '--out', site).code).toBe(0);
    const before = readdirSync(site).map((name) => readFileSync(join(site, name), 'utf8'));
    const edited = join(dir, 'edited.json');
    writeFileSync(
      edited,
      readFileSync(goodPack, 'utf8').replace('"Rent strike 2026"', '"Rent strike, 2026"'),
    );
    const same = publish(edited, '--key', jwkFile, '--out', site);
    expect(same.code).toBe(1);
    expect(same.out).toContain(
      'already holds version 7 of test-full-pack: raise "version" above it',
    );
    expect(readdirSync(site).map((name) => readFileSync(join(site, name), 'utf8'))).toEqual(before);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('"version": 7', '"version": 8'));
    expect(publish(edited, '--key', jwkFile, '--out', site).code).toBe(0);
    expect(readdirSync(site)).toHaveLength(3);
  });
});
