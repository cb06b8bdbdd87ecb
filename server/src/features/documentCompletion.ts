// Completion of the sources' titles after 《: the title as the source writes it, with its 文号 (《广州市服务业扩大开放综合试点
// 总体方案》（商资发〔2022〕212号）) or without, so that the opening sentence of a plan cites the document it implements
// exactly (document-mismatch says where it does not).
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FeatureContext } from './featureContext';
import { documentFacts } from './hover';
import { noticeTitle } from '../core/documentCitations';

/** What this feature reads of the server's state. */
export type DocumentCompletionContext = Pick<FeatureContext, 'locale' | 'checker'>;

/** An opening 书名号 and what is typed after it so far (no closing one). */
const AFTER_OPEN = /《([^《》〈〉\n]{0,40})$/;

export function documentCompletion(ctx: DocumentCompletionContext, doc: TextDocument, params: CompletionParams, before: string): CompletionList | undefined {
  const m = AFTER_OPEN.exec(before);
  if (!m) return undefined;
  const documents = ctx.checker.context.documents.filter((d) => d.meta.title);
  if (!documents.length) return undefined;
  const typed = m[1];
  // a closing 书名号 the editor typed already (auto-closing pairs) is written over
  const cursor = doc.offsetAt(params.position);
  const closes = doc.getText().charAt(cursor) === '》' ? 1 : 0;
  const range = {
    start: { line: params.position.line, character: params.position.character - typed.length - 1 },
    end: { line: params.position.line, character: params.position.character + closes },
  };
  const items: CompletionItem[] = [];
  documents.forEach((document, rank) => {
    const { meta } = document;
    const title = `《${meta.title}》`;
    const facts = documentFacts(ctx.locale, meta);
    const documentation = { kind: MarkupKind.Markdown, value: `**${title}**${facts ? `\n\n${facts}` : ''}` };
    const base = { kind: CompletionItemKind.Reference, filterText: `《${meta.title}`, documentation };
    if (meta.docNumber) {
      const withNumber = `${title}（${meta.docNumber}）`;
      items.push({ ...base, label: withNumber, sortText: `${rank}a`, textEdit: { range, newText: withNumber } });
    }
    items.push({ ...base, label: title, labelDetails: { description: meta.issuer }, sortText: `${rank}b`, textEdit: { range, newText: title } });
    // the notice that issues it, as a plan cites it: 《商务部关于印发〈…〉的通知》（文号）
    const notice = noticeTitle(document);
    if (notice) {
      const cited = `《${notice}》${meta.docNumber ? `（${meta.docNumber}）` : ''}`;
      items.push({ ...base, label: cited, filterText: `《${notice}`, sortText: `${rank}c`, textEdit: { range, newText: cited } });
    }
  });
  return { isIncomplete: false, items };
}
