import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  fromBase64,
  generatePublisherKeys,
  publicKeyOf,
  signPackBytes,
  toBase64,
  verifyPackSignature,
} from '../../../core/pack/signature';

// Each test runs the command in a child process (tsx starting up is seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = resolve(import.meta.dirname, '../../..');
const packBytes = new Uint8Array(
  readFileSync(resolve(repoRoot, 'tests/data/packs/good-full.json')),
);

describe('pack signatures (ECDSA P-256 / SHA-256)', () => {
  it('round trip: a signature made with the private key verifies with the public key', async () => {
    const keys = await generatePublisherKeys();
    const signature = await signPackBytes(packBytes, keys.privateJwk);
    expect(fromBase64(signature)).toHaveLength(64);
    expect(await verifyPackSignature(packBytes, signature, keys.publicKeyBase64)).toBe(true);
    expect(await publicKeyOf(keys.privateJwk)).toBe(keys.publicKeyBase64);
    // A trailing newline, as in a .sig file, is accepted.
    expect(await verifyPackSignature(packBytes, signature + '\n', keys.publicKeyBase64)).toBe(true);
  });

  it('a flipped byte in the pack or in the signature fails', async () => {
    const keys = await generatePublisherKeys();
    const signature = await signPackBytes(packBytes, keys.privateJwk);
    for (const at of [0, 100, packBytes.length - 1]) {
      const tampered = packBytes.slice();
      tampered[at] = tampered[at]! ^ 0x01;
      expect(await verifyPackSignature(tampered, signature, keys.publicKeyBase64)).toBe(false);
    }
    const sigBytes = fromBase64(signature)!;
    sigBytes[10] = sigBytes[10]! ^ 0x80;
    expect(await verifyPackSignature(packBytes, toBase64(sigBytes), keys.publicKeyBase64)).toBe(
      false,
    );
  });

  it('a signature checked against another key fails', async () => {
    const [signer, other] = await Promise.all([generatePublisherKeys(), generatePublisherKeys()]);
    const signature = await signPackBytes(packBytes, signer.privateJwk);
    expect(await verifyPackSignature(packBytes, signature, other.publicKeyBase64)).toBe(false);
  });

  it('garbage inputs give false, never an exception', async () => {
    const keys = await generatePublisherKeys();
    const signature = await signPackBytes(packBytes, keys.privateJwk);
    const garbage: [unknown, unknown, unknown][] = [
      [packBytes, '', keys.publicKeyBase64],
      [packBytes, signature, ''],
      [packBytes, 'not base64!', keys.publicKeyBase64],
      [packBytes, signature, 'bm90IGEga2V5'],
      [packBytes, toBase64(new Uint8Array(64)), keys.publicKeyBase64],
      [packBytes, signature.slice(4), keys.publicKeyBase64],
      [packBytes, signature, keys.publicKeyBase64.slice(8)],
      ['text, not bytes', signature, keys.publicKeyBase64],
      [null, signature, keys.publicKeyBase64],
      [packBytes, null, undefined],
      [packBytes, 42, { key: true }],
    ];
    for (const [bytes, sig, key] of garbage) {
      await expect(
        verifyPackSignature(bytes as Uint8Array, sig as string, key as string),
      ).resolves.toBe(false);
    }
  });

  it('signing refuses a key that is not a P-256 private JWK', async () => {
    const keys = await generatePublisherKeys();
    const publicOnly = { ...keys.privateJwk, d: undefined };
    await expect(signPackBytes(packBytes, publicOnly)).rejects.toThrow(/P-256 private key/);
    await expect(signPackBytes(packBytes, 'nonsense')).rejects.toThrow(/P-256 private key/);
  });
});

describe('pack:keygen and pack:sign', () => {
  const run = (script: string, ...args: string[]) => {
    const result = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, out: result.stdout + result.stderr };
  };

  it('generates a key, signs a valid pack, refuses an invalid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-sign-'));
    const keygen = run('pack-keygen', '--out', dir);
    expect(keygen.code, keygen.out).toBe(0);
    const keyFile = join(dir, 'picket-publisher.private.jwk.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const publicKey = readFileSync(join(dir, 'picket-publisher.public.txt'), 'utf8').trim();
    expect(keygen.out).toContain(publicKey);
    // A second keygen never overwrites the private key.
    expect(run('pack-keygen', '--out', dir).code).toBe(1);

    const packFile = join(dir, 'pack.json');
    writeFileSync(packFile, packBytes);
    const sign = run('pack-sign', '--key', keyFile, packFile);
    expect(sign.code, sign.out).toBe(0);
    const signature = readFileSync(`${packFile}.sig`, 'utf8');
    expect(await verifyPackSignature(packBytes, signature, publicKey)).toBe(true);

    const badPack = join(dir, 'bad.json');
    writeFileSync(badPack, readFileSync(resolve(repoRoot, 'tests/data/packs/bad-handle.json')));
    const refused = run('pack-sign', '--key', keyFile, badPack);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('/campaigns/0/participants/0/accounts/0/handle');
    expect(() => statSync(`${badPack}.sig`)).toThrow();
    expect(refused.out).not.toMatch(/\n\s+at /);
  });
});
