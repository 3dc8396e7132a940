/** A blob as a data: URL (a font to inline, a chart's picture for PowerPoint); `what` names it in the error. */
export function blobDataUrl(blob: Blob, what: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error(`${what} could not be read.`)));
    reader.onerror = () => reject(reader.error ?? new Error(`${what} could not be read.`));
    reader.readAsDataURL(blob);
  });
}
