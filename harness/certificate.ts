// A throwaway TLS certificate for the fake Instagram/Facebook/publisher hosts. Made at run time
// so no private key ever lives in the repository; browsers are told to accept it
// (--ignore-certificate-errors in Chromium, acceptInsecureCerts in Firefox).
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/** The names the certificate is valid for: every host the demo and the tests serve. */
export const CERTIFICATE_HOSTS = [
  'www.instagram.com',
  '*.instagram.com',
  'instagram.com',
  'www.facebook.com',
  '*.facebook.com',
  'facebook.com',
  '*.picket.test',
  'localhost',
] as const;

let cached: Promise<Certificate> | undefined;

/** One certificate per process: key generation is the slow part and the hosts never change. */
export function makeCertificate(): Promise<Certificate> {
  cached ??= generate([{ name: 'commonName', value: 'www.instagram.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600 * 1000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...CERTIFICATE_HOSTS.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return cached;
}
