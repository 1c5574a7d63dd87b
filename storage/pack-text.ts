// A pack's JSON text as storage.local keeps it: gzipped and base64-encoded where the browser can.
export type StoredText =
  { encoding: 'utf8'; data: string } | { encoding: 'gzip-base64'; data: string };

// Packs are JSON text: gzip usually shrinks them 5–10×, which matters with a 10 MB quota and no
// `unlimitedStorage` permission. Where CompressionStream is missing the text is kept as is.
export async function encodeText(text: string): Promise<StoredText> {
  if (typeof CompressionStream !== 'function') return { encoding: 'utf8', data: text };
  const bytes = new TextEncoder().encode(text);
  const compressed = await pipeBytes(bytes, new CompressionStream('gzip'));
  return { encoding: 'gzip-base64', data: bytesToBase64(compressed) };
}

export async function decodeText(stored: StoredText): Promise<string | null> {
  if (stored.encoding === 'utf8') return stored.data;
  if (stored.encoding === 'gzip-base64' && typeof DecompressionStream === 'function') {
    const bytes = await pipeBytes(base64ToBytes(stored.data), new DecompressionStream('gzip'));
    return new TextDecoder().decode(bytes);
  }
  return null;
}

async function pipeBytes(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  const reader = transform.readable.getReader();
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
