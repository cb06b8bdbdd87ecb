// Shared by the in-editor suites (they run inside VS Code's extension host): find the plan, poll for readiness,
// and read what VS Code's provider commands return in a comparable form.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/** The repository root (this file runs from out/test/editor/). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const SEED_FILE = 'seeds/000_a08c9159ea97f61a.txt';

/** Full text of 表4第9项 (T4.9) as the seed gives it. */
export const T4_9_TEXT = '放宽外商设立投资性公司申请条件，申请前一年外国投资者资产总额降为不低于两亿美元，取消对外国投资者在中国境内已设立外商投资企业的数量要求。';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

export async function openPlan(name = 'plan.md'): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without the test workspace folder');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Position of `text` in the document, `delta` characters into it (or at its end when delta is 'end'). */
export function positionOf(doc: vscode.TextDocument, text: string, delta: number | 'end' = 1): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `the test plan does not contain ${text}`);
  return doc.positionAt(offset + (delta === 'end' ? text.length : delta));
}

export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  return new vscode.Range(positionOf(doc, text, 0), positionOf(doc, text, 'end'));
}

/**
 * Calls `probe` every `intervalMs` until `done` accepts its result; fails after `timeoutMs` with `what` and the
 * last result, so a missing feature reads as such instead of as a timeout.
 */
export async function poll<T>(what: string, probe: () => Thenable<T> | T, done: (value: T) => boolean,
  { timeoutMs = 20000, intervalMs = 250 } = {}): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await probe();
      error = undefined;
      if (done(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      const seen = error ? `error ${String(error)}` : JSON.stringify(last, null, 1)?.slice(0, 1500);
      throw new Error(`${what}: not seen within ${timeoutMs} ms; last saw ${seen}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

let readiness: Promise<void> | undefined;

/**
 * Resolves once the extension is active and its server answers for the plan (diagnostics published or a hover
 * over 表4第9项). Memoized: when the server never comes up, every later test fails at once with the same reason
 * instead of each waiting out its own timeout.
 */
export function serverReady(): Promise<void> {
  readiness ??= (async () => {
    const doc = await openPlan();
    await poll(`${EXTENSION_ID} to be active`, () => extension().isActive, (active) => active, { timeoutMs: 30000 });
    await poll('the language server to answer (diagnostics or a hover on the plan)',
      async () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'policy-lens') ||
        (await hoverText(doc, positionOf(doc, '表4第9项', 2))) !== '',
      (answered) => answered, { timeoutMs: 30000 });
  })();
  return readiness;
}

export async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

export function diagnosticCode(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  return diags.map((d) => `L${d.range.start.line + 1} [${d.source}/${diagnosticCode(d)}] ${d.message}`).join('\n') || '(none)';
}
