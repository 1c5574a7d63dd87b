// Detached pack signatures: ECDSA P-256 with SHA-256 through WebCrypto, so the same code runs in the
// extension (browsers) and in the node tools (Node ≥ 20 has globalThis.crypto.subtle).
// The signature (`pack.json.sig`) is the base64 of the raw 64-byte r‖s value WebCrypto produces, over
// the exact bytes of pack.json; the publisher's public key is given to users as base64 SPKI.

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** P-256 signatures are r‖s, 32 bytes each. */
const SIGNATURE_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whitespace allowed, e.g. a trailing newline in a .sig file); null if not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || text.length > 1_000_000) return null;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  try {
    const binary = atob(compact);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * True only when `signatureBase64` is a valid ECDSA P-256/SHA-256 signature of `bytes` by the key
 * `publicKeyBase64Spki`. Never throws: malformed keys, signatures or inputs give false.
 */
export async function verifyPackSignature(
  bytes: Uint8Array,
  signatureBase64: string,
  publicKeyBase64Spki: string,
): Promise<boolean> {
  try {
    if (!(bytes instanceof Uint8Array)) return false;
    const signature = fromBase64(signatureBase64);
    const spki = fromBase64(publicKeyBase64Spki);
    if (!signature || signature.length !== SIGNATURE_BYTES || !spki || spki.length === 0) {
      return false;
    }
    const key = await crypto.subtle.importKey('spki', spki, ALGORITHM, false, ['verify']);
    // A copy: WebCrypto wants a plain ArrayBuffer-backed view, and the caller's buffer may be shared.
    return await crypto.subtle.verify(SIGNING, key, signature, new Uint8Array(bytes));
  } catch {
    return false;
  }
}

export interface PublisherKeys {
  /** Keep secret: signs packs. */
  privateJwk: JsonWebKey;
  /** Give to users: base64 of the SubjectPublicKeyInfo. */
  publicKeyBase64: string;
}

export async function generatePublisherKeys(): Promise<PublisherKeys> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateJwk, publicKeyBase64: toBase64(spki) };
}

/** Throws a plain-language Error when the JWK is not a P-256 private key. */
function assertPrivateJwk(jwk: unknown): asserts jwk is JsonWebKey {
  const key = jwk as JsonWebKey | null;
  if (!key || typeof key !== 'object' || key.kty !== 'EC' || key.crv !== 'P-256' || !key.d) {
    throw new Error('not an ECDSA P-256 private key in JWK form (kty "EC", crv "P-256", with "d")');
  }
}

/** The base64 SPKI public key that belongs to a private JWK. */
export async function publicKeyOf(privateJwk: unknown): Promise<string> {
  assertPrivateJwk(privateJwk);
  const { kty, crv, x, y } = privateJwk;
  const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, ALGORITHM, true, [
    'verify',
  ]);
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
}

/** Signs the exact bytes; returns the base64 signature that goes into `pack.json.sig`. */
export async function signPackBytes(bytes: Uint8Array, privateJwk: unknown): Promise<string> {
  assertPrivateJwk(privateJwk);
  const key = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  const signature = await crypto.subtle.sign(SIGNING, key, new Uint8Array(bytes));
  return toBase64(new Uint8Array(signature));
}
