// Document URIs ↔ file paths. Clients spell file URIs differently (percent-encoding, drive letter
// case), so documents are keyed by the path a URI names, not by the URI's text.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file path of a `file:` URI; undefined for other schemes (untitled buffers and the like). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUriOf(file: string): string {
  return pathToFileURL(file).href;
}
