// The one size limit for a pack handed over as text (a file or a paste): the validator's, in
// UTF-8 bytes, checked the same way by the options page before sending and by the background.
import { PACK_LIMITS } from './pack/validate-issues';

export const MAX_IMPORT_BYTES = PACK_LIMITS.maxBytes;

/** UTF-8 bytes of `text`, counted without encoding it (a 10 MB paste needs no 10 MB copy). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The background's words for a pack text over the limit (the options page has its own, translated). */
export function tooLargeMessage(bytes: number): string {
  const format = (n: number) => n.toLocaleString('en-US');
  return (
    `This pack is too large to import: ${format(bytes)} bytes, and the limit is ` +
    `${format(MAX_IMPORT_BYTES)} bytes (10 MB).`
  );
}
