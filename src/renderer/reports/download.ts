/** Base64 (as the export API returns it) → bytes, without going through a data: URL. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file through the browser's download: a Blob behind a short-lived object URL and a
 * temporary <a download>. Downloads are not navigations, so the CSP needs no change for this.
 */
export function downloadFile(fileName: string, mime: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by the next tasks; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
