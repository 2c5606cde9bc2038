/** Saves a Blob as a file: an object URL behind a temporary <a download>, revoked once the click is handled. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  // Firefox only follows a click on a link that is in the document.
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, or the download may find nothing.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
