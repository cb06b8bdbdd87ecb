import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, openPlan, poll, serverReady } from '../helpers';

async function untitledPlan(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('Drafting aids', () => {
  before(() => serverReady());

  it('ranks 表1第35项 first for @数字人民币 in an untitled plan, as the server ordered it', async () => {
    const doc = await untitledPlan('推动@数字人民币');
    const end = doc.lineAt(0).range.end;
    const list = await poll('fuzzy completion items', () =>
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end),
      (l) => !!l && l.items.length > 0);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.strictEqual(labels[0], '表1第35项');
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(typeof sorted[0].label === 'string' ? sorted[0].label : sorted[0].label.label, '表1第35项', 'sortText keeps it first');
  });

  it("completes a bare 第 under a Word plan's outline line with the tasks of the table it names, and accepting writes 第10项", async () => {
    const doc = await untitledPlan('二、表3任务落实\n\n　　1．落实第');
    const end = doc.lineAt(2).range.end;
    const list = await poll('bare completion items', () =>
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end),
      (l) => !!l && l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '第10项'));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /^第\d+项$/.test(l));
    assert.strictEqual(labels.length, 24, `表3's 24 tasks: ${labels.join(' ')}`);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '第10项')!;
    const edit = new vscode.WorkspaceEdit();
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    edit.replace(doc.uri, range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.lineAt(2).text, '　　1．落实第10项');
  });

  it('completes the lead unit with the units the plan already names', async () => {
    const doc = await untitledPlan('1. 落实表1第12项。牵头单位：区商务局；配合单位：区财政局。\n2. 落实表1第13项。牵头单位：');
    const end = doc.lineAt(1).range.end;
    const list = await poll('unit completion items', () =>
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, '：'),
      (l) => !!l && l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '区商务局'));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('区财政局'), labels.join(' '));
  });

  it('completes the source\'s title with its 文号 after 《, and says a slip of its title over it', async () => {
    const doc = await untitledPlan('为贯彻落实《广州');
    const end = doc.lineAt(0).range.end;
    const list = await poll('title completion items', () =>
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, '《'),
      (l) => !!l && l.items.length > 0);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号）');
    assert.ok(item, list.items.map((i) => i.label).join(' '));
    const edit = new vscode.WorkspaceEdit();
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.deepStrictEqual([range.start.character, range.end.character], [5, 8], 'from 《 to the cursor');
    edit.replace(doc.uri, range, item.insertText as string);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.getText(), '为贯彻落实《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号）');
    const slip = await untitledPlan('为贯彻落实《广州市服务业扩大开放试点总体方案》，制定本方案。');
    const diagnostics = await poll('document-mismatch', () => vscode.languages.getDiagnostics(slip.uri), (d) => d.some((x) => diagnosticCode(x) === 'document-mismatch'));
    const found = diagnostics.find((x) => diagnosticCode(x) === 'document-mismatch')!;
    const title = slip.getText().indexOf('广州市');
    assert.deepStrictEqual([found.range.start.character, found.range.end.character], [title, title + '广州市服务业扩大开放试点总体方案'.length], 'on the title');
    const text = await hoverText(slip, slip.positionAt(slip.getText().indexOf('试点总体') + 1));
    assert.ok(text.includes('商资发〔2022〕212号 · 商务部'), text);
  });

  it('renames a unit throughout an untitled plan with F2 (Rename Symbol)', async () => {
    const doc = await untitledPlan('1. 落实表1第23项。牵头单位：区金融局。\n2. 落实表1第24项，由区金融局牵头。\n');
    const at = doc.positionAt(doc.getText().indexOf('区金融局') + 1);
    const edit = await poll('a rename edit', () =>
      vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, '区金融工作局').then((e) => e, () => undefined),
      (e) => !!e && e.size > 0);
    assert.ok(await vscode.workspace.applyEdit(edit!));
    assert.strictEqual(doc.getText(), '1. 落实表1第23项。牵头单位：区金融工作局。\n2. 落实表1第24项，由区金融工作局牵头。\n');
  });

  it('leaves F2 on a heading to the Markdown extension, which renames it', async () => {
    const doc = await untitledPlan('# 方案\n\n## 一、商务服务\n\n见[上文](#一商务服务)。牵头单位：区商务局。\n');
    const at = doc.positionAt(doc.getText().indexOf('商务服务') + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, '一、金融服务').then((e) => e, (e) => e);
    assert.ok(edit instanceof vscode.WorkspaceEdit && edit.size > 0, `no rename of the heading: ${edit}`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.getText().startsWith('# 方案\n\n## 一、金融服务\n'), doc.getText());
  });

  it('labels each reference with an inlay hint', async () => {
    const doc = await openPlan();
    const hints = await poll('inlay hints', () =>
      vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)),
      (h) => !!h && h.length > 0);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.startsWith('‹商务服务·')), labels.join(' '));
  });

  it('links references to the source and lists them under the plan headings', async () => {
    const doc = await openPlan();
    const links = await poll('document links', () =>
      vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri), (l) => !!l && l.length > 0);
    assert.ok(links.some((l) => l.target?.path.endsWith('seeds/000_a08c9159ea97f61a.txt')));
    const symbols = await poll('document symbols', () =>
      vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri), (s) => !!s && s.length > 0);
    const names = JSON.stringify(symbols.map((s) => s.name));
    const all: string[] = [];
    const walk = (s: vscode.DocumentSymbol[]) => s.forEach((x) => { all.push(x.name); walk(x.children ?? []); });
    walk(symbols);
    assert.ok(all.includes('表4第9项'), `a symbol for 表4第9项 under the headings ${names}: ${all.join(' / ')}`);
  });

  it('highlights the places that cite the task under the cursor', async () => {
    const doc = await untitledPlan('# 一、表1任务\n\n落实表1第12项。\n\n统筹表1第10至15项，另见表2第12项。\n\n按照第12项要求推进。\n');
    const text = doc.getText();
    const highlights = await poll('document highlights', () =>
      vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, doc.positionAt(text.indexOf('表1第12项') + 2)),
      (h) => !!h && h.length > 0);
    const texts = highlights.map((h) => doc.getText(h.range)).sort();
    assert.deepStrictEqual(texts, ['第12项', '表1第10至15项', '表1第12项'].sort(), 'its range and the number read as it, not 表2第12项');
  });

  it('finds a task by its words as a workspace symbol that opens the source at it', async () => {
    const symbols = await poll('workspace symbols', () =>
      vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '数字人民币'),
      (s) => !!s && s.some((x) => x.name.startsWith('表1第35项')));
    const t35 = symbols.find((x) => x.name.startsWith('表1第35项 · T1.35 '))!;
    assert.ok(t35, symbols.map((s) => s.name).join(' / '));
    assert.ok(t35.location.uri.path.endsWith('seeds/000_a08c9159ea97f61a.txt'), t35.location.uri.toString());
    assert.strictEqual(t35.containerName, '金融服务领域');
  });

  it('says a pilot area\'s task is put in another area, on the place, and shows the area and its tasks over it', async () => {
    const doc = await untitledPlan('# 海珠区落实服务业扩大开放综合试点实施方案\n\n1. 支持外国专利代理机构在琶洲设立代表机构（表3第10项）。\n');
    const text = doc.getText();
    const diagnostics = await poll('place-mismatch and missing-area-task', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => ds.some((d) => diagnosticCode(d) === 'place-mismatch') && ds.some((d) => diagnosticCode(d) === 'missing-area-task'), { timeoutMs: 10000 });
    const place = diagnostics.find((d) => diagnosticCode(d) === 'place-mismatch')!;
    assert.strictEqual(doc.getText(place.range), '琶洲');
    assert.strictEqual(place.severity, vscode.DiagnosticSeverity.Warning);
    const missing = diagnostics.find((d) => diagnosticCode(d) === 'missing-area-task')!;
    assert.strictEqual(doc.getText(missing.range), '海珠区');
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Information);
    const hover = await poll('a hover over 琶洲', () => hoverText(doc, doc.positionAt(text.indexOf('琶洲') + 1)), (t) => /表3第22项/.test(t));
    assert.match(hover, /(试点区域|Pilot area) 海珠区/, hover);
  });
});
