// The publisher's private key in the page: read from the file pack:keygen writes (JWK) or from a
// PKCS #8 PEM, turned into a JWK; kept only in memory by the caller, never stored.
import { fromBase64, publicKeyOf } from '../../core/pack/signature';

const PEM = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/;

/** A usable private key and its public key; throws an Error in plain words otherwise. */
export async function readPrivateKey(
  text: string,
): Promise<{ jwk: JsonWebKey; publicKey: string }> {
  let jwk: unknown;
  const pem = PEM.exec(text);
  if (pem) {
    const der = fromBase64(pem[1]!);
    if (!der) throw new Error('the PEM block is not base64');
    const key = await crypto.subtle
      .importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])
      .catch(() => {
        throw new Error('not an ECDSA P-256 private key');
      });
    jwk = await crypto.subtle.exportKey('jwk', key);
  } else if (text.includes('-----BEGIN')) {
    throw new Error('only "BEGIN PRIVATE KEY" (PKCS #8) PEM files can be read here');
  } else {
    try {
      jwk = JSON.parse(text);
    } catch {
      throw new Error('neither a JWK file (as npm run pack:keygen writes) nor a PEM file');
    }
  }
  return { jwk: jwk as JsonWebKey, publicKey: await publicKeyOf(jwk) };
}
