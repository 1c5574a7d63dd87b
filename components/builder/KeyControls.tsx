// The publisher's key in the builder: make a new pair (the private key is handed to the user as a
// file, as pack:keygen writes it) or load one; the public key shown to copy. Memory only.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { generatePublisherKeys } from '../../core/pack/signature';
import { downloadText, readFileText, takeFile } from './files';
import { readPrivateKey } from './keys';

const PRIVATE_KEY_FILE = 'picket-publisher.private.jwk.json';

export interface SigningKey {
  jwk: JsonWebKey;
  publicKey: string;
}

export interface KeyControlsProps {
  signingKey: SigningKey | null;
  setKey: (key: SigningKey) => void;
  announce: (text: string) => void;
}

export function KeyControls(props: KeyControlsProps) {
  const { signingKey, setKey, announce } = props;
  const [keyError, setKeyError] = useState('');
  const generate = async () => {
    const keys = await generatePublisherKeys();
    downloadText(JSON.stringify(keys.privateJwk, null, 2) + '\n', PRIVATE_KEY_FILE);
    setKey({ jwk: keys.privateJwk, publicKey: keys.publicKeyBase64 });
    setKeyError('');
    announce(i18n.t('builder.download.generated', [PRIVATE_KEY_FILE]));
  };
  const load = async (event: Event) => {
    const file = takeFile(event);
    if (!file) return;
    try {
      setKey(await readPrivateKey(await readFileText(file)));
      setKeyError('');
      announce(i18n.t('builder.download.loaded', [file.name]));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const text = i18n.t('builder.download.badKey', [file.name, reason]);
      setKeyError(text);
      announce(text);
    }
  };
  const copy = async () => {
    if (!signingKey) return;
    const copied = await navigator.clipboard.writeText(signingKey.publicKey).then(
      () => true,
      () => false,
    );
    announce(copied ? i18n.t('builder.download.copied') : i18n.t('builder.download.notCopied'));
  };
  return (
    <>
      <p>{i18n.t('builder.download.keyIntro')}</p>
      <p>
        <button type="button" onClick={() => void generate()}>
          {i18n.t('builder.download.generate')}
        </button>
      </p>
      <div class="field">
        <label for="key-file">{i18n.t('builder.download.loadLabel')}</label>
        <input
          id="key-file"
          type="file"
          accept=".json,.jwk,.pem,application/json"
          aria-describedby={keyError ? 'key-error' : undefined}
          onChange={(event) => void load(event)}
        />
        {keyError && (
          <p class="field-errors" id="key-error">
            {keyError}
          </p>
        )}
      </div>
      {signingKey && (
        <div class="field">
          <label for="public-key">{i18n.t('builder.download.publicKey')}</label>
          <textarea
            id="public-key"
            readOnly
            rows={3}
            value={signingKey.publicKey}
            data-testid="public-key"
          />
          <button type="button" onClick={() => void copy()}>
            {i18n.t('builder.download.copy')}
          </button>
        </div>
      )}
    </>
  );
}
