// A workspace with a policy source beside a plan, as the protocol tests of sources set it up: a source fixture (Shenzhen's) in
// policies/, the settings in .vscode/settings.json, the plan open in a server that reads those settings, and the
// plan's first diagnostics sorted by position.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, ROOT } from './lspClient';

export const SOURCE_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sources');

export const byPosition = (a: any, b: any) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

export interface SourceWorkspace {
  dir: string;
  client: LspClient;
  planUri: string;
  diagnostics: any[];
  close(): Promise<void>;
}

/**
 * `settingsJson` as .vscode/settings.json writes it, `section` as the editor sends it (the same settings); `source` the
 * fixture copied into policies/.
 */
export async function openSourceWorkspace(settingsJson: string, section: unknown, plan: string, source = 'shenzhen.md'): Promise<SourceWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-sources-'));
  fs.mkdirSync(path.join(dir, 'policies'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.copyFileSync(path.join(SOURCE_FIXTURES, source), path.join(dir, 'policies', source));
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), settingsJson);
  fs.writeFileSync(path.join(dir, 'plan.md'), plan);
  const planUri = pathToFileURL(path.join(dir, 'plan.md')).toString();
  const client = new LspClient();
  client.configuration = section;
  await client.initialize({ rootPath: dir, configuration: true });
  client.open(planUri, plan);
  const diagnostics = (await client.waitForDiagnostics(planUri)).diagnostics.slice().sort(byPosition);
  return {
    dir, client, planUri, diagnostics,
    async close() {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A source workspace for the tests of one `describe`: opened before them and closed after. Its fields are there once
 * the tests run.
 */
export function withSourceWorkspace(settingsJson: string, section: unknown, plan: string, source?: string): SourceWorkspace {
  const workspace = {} as SourceWorkspace;
  before(async () => {
    Object.assign(workspace, await openSourceWorkspace(settingsJson, section, plan, source));
  });
  after(() => workspace.close());
  return workspace;
}
