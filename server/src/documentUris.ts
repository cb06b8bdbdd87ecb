// The URIs of the documents the server is given: a file's, and the client's read-only view of a Word, Excel or PDF
// file (`policy-lens-word:` + its path), and back to the file on disk. Plain functions, for the server and its features.
import { fileURLToPath, pathToFileURL } from 'url';
import { WORD_PLAN_SCHEME } from './shared/protocol';

/** The client's read-only view of a Word plan on disk. */
export function wordPlanUri(file: string): string {
  return `${WORD_PLAN_SCHEME}:${fileUri(file).slice('file://'.length)}`;
}

/** The .docx file behind the client's read-only view of a Word plan (`policy-lens-word:/path/plan.docx`). */
export function wordPlanFile(uri: string): string | undefined {
  const prefix = `${WORD_PLAN_SCHEME}:`;
  return uri.startsWith(prefix) ? uriToPath(`file://${uri.slice(prefix.length)}`) : undefined;
}

/** The plan file behind a document: a file, or the .docx (.doc, .xlsx, .xls) a Word or Excel plan's view shows; undefined for others (untitled). */
export function planFileOf(uri: string): string | undefined {
  return wordPlanFile(uri) ?? uriToPath(uri);
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
