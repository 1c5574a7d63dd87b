// Files in and out of the builder page: text handed to the user as a download (no permission, no
// network), and a chosen file read as strict UTF-8.

/** Hands `text` to the user as a file named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file's text; throws a TypeError when it is not UTF-8 (a byte-order mark is dropped). */
export async function readFileText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
}

/** The first file chosen in a file input, and the input cleared so the same file can be chosen again. */
export function takeFile(event: Event): File | null {
  const input = event.currentTarget as HTMLInputElement;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}
