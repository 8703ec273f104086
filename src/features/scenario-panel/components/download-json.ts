/**
 * Saves `value` as a JSON file through the browser's download, with no request: a blob URL on a
 * temporary link, which the console's Content-Security-Policy allows (a download is no fetch).
 */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has taken the blob's URL already: revoking it now frees the blob and spoils nothing.
  URL.revokeObjectURL(url);
}
