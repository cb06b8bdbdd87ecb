// Typed access to the extension's own settings (the server reads the rest through workspace/configuration).
import * as vscode from 'vscode';

export type CoverageScope = 'activePlan' | 'workspace';

export function coverageScope(): CoverageScope {
  return vscode.workspace.getConfiguration('policyLens').get<string>('coverage.scope') === 'workspace' ? 'workspace' : 'activePlan';
}

/** Is this document a plan Policy Lens checks? */
export function isPlan(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === 'markdown' || doc.languageId === 'plaintext') && !doc.uri.path.endsWith('/seeds/000_a08c9159ea97f61a.txt');
}
