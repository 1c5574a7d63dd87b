// Download the pack and its signature, made in the browser with the same algorithm and format that
// subscriptions verify (core/pack/signature.ts): base64 ECDSA P-256/SHA-256 over pack.json's bytes.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { signPackBytes, verifyPackSignature } from '../../core/pack/signature';
import { downloadText } from './files';
import { KeyControls, type SigningKey } from './KeyControls';

export interface SigningProps {
  /** The exact text of pack.json, or null while the pack has problems. */
  packText: string | null;
  announce: (text: string) => void;
}

export function SigningSection(props: SigningProps) {
  const { packText, announce } = props;
  const [key, setKey] = useState<SigningKey | null>(null);
  const sign = async () => {
    if (!packText || !key) return;
    try {
      const bytes = new TextEncoder().encode(packText);
      const signature = await signPackBytes(bytes, key.jwk);
      // Checked the way a subscription checks it, before anyone downloads it.
      if (!(await verifyPackSignature(bytes, signature, key.publicKey)))
        throw new Error('it did not verify');
      downloadText(signature + '\n', 'pack.json.sig', 'text/plain');
      announce(i18n.t('builder.download.signed'));
    } catch (error) {
      announce(
        i18n.t('builder.download.signFailed', [error instanceof Error ? error.message : '']),
      );
    }
  };
  const downloadPack = () => {
    if (!packText) return;
    downloadText(packText, 'pack.json');
    announce(i18n.t('builder.download.packDone'));
  };
  return (
    <section aria-labelledby="download-heading">
      <h2 id="download-heading">{i18n.t('builder.download.heading')}</h2>
      <p>
        <button
          type="button"
          disabled={!packText}
          aria-describedby={packText ? undefined : 'download-blocked'}
          onClick={downloadPack}
        >
          {i18n.t('builder.download.pack')}
        </button>
        {!packText && (
          <span class="muted" id="download-blocked">
            {' '}
            {i18n.t('builder.download.blocked')}
          </span>
        )}
      </p>
      <KeyControls signingKey={key} setKey={setKey} announce={announce} />
      <p>
        <button
          type="button"
          disabled={!packText || !key}
          aria-describedby={key ? undefined : 'sign-needs-key'}
          onClick={() => void sign()}
        >
          {i18n.t('builder.download.sign')}
        </button>
        {!key && (
          <span class="muted" id="sign-needs-key">
            {' '}
            {i18n.t('builder.download.needKey')}
          </span>
        )}
      </p>
    </section>
  );
}
