/** Hands a blob to the browser's download manager under a chosen name, as a link with `download` does. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Chromium reads the blob after `click()` returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
