/**
 * Saves bytes or text as a file through the browser's download (an object URL and a clicked link:
 * the only way a static page can write a file). Files of one action leave one after another, a
 * moment apart, because some browsers drop links clicked in the same task.
 */
export function downloadFile(
  name: string,
  content: BlobPart,
  type = 'application/octet-stream',
): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later: revoking right away can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadFiles(
  files: readonly { name: string; bytes: ArrayBuffer }[],
): Promise<void> {
  for (const [i, file] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300));
    downloadFile(
      file.name,
      file.bytes,
      file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    );
  }
}
