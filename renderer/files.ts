/**
 * Files in and out of the renderer, the same way in Electron and in web mode: a chosen file is
 * read here and sent to main as base64; an export comes back as text and is saved through a
 * download (Electron asks where to save it, as a browser does).
 */

/** A chosen file's bytes as base64, for imports.stage and the like. */
export async function readFileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In chunks: String.fromCharCode(...bytes) overflows the stack on files of a few megabytes.
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Saves text as a file. CSV gets a UTF-8 byte order mark so that Excel opens accents right
 * (without it, Excel reads "Élodie" as "Ã‰lodie").
 */
export function saveTextFile(fileName: string, content: string, options: { bom?: boolean; type?: string } = {}): void {
  const type = options.type ?? (fileName.toLowerCase().endsWith('.csv') ? 'text/csv;charset=utf-8' : 'text/plain;charset=utf-8');
  // Never a second mark: content from the CSV writer (main/domain/csvWrite.ts) may carry its own.
  const bom = (options.bom ?? fileName.toLowerCase().endsWith('.csv')) && !content.startsWith('\uFEFF');
  download(fileName, new Blob([bom ? '\uFEFF' : '', content], { type }));
}

/** Saves a file made in main (a PDF, a workbook) whose bytes came as base64. */
export function saveBinaryFile(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  download(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
