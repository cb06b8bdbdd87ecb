// The Policy Lens CLI: `policy-lens check FILE...`, `policy-lens coverage FILE...`, `policy-lens index [--check]`.
import * as fs from 'fs';
import * as path from 'path';
import { analyzeOptionsOf, commandConfig, loadConfiguredEngine } from './cli/configuration';
import { coverageCsv } from './shared/coverageCsv';
import { computeCoverage, coverageCounts } from './core/coverage';
import { localeOf } from './core/messages';
import { SourceFiles, toDiagnostic } from './convert';
import { expandPlans, readPlans, UsageError } from './cli/files';
import { FileResult, formatGithub, formatJson, formatSarif, formatText } from './cli/format';
import { buildDefaultIndex, FACTS_FILE, INDEX_FILE, packageVersion, projectRoot, serializeFacts, serializeIndex } from './indexLoader';
import { annotateCommand, assignmentsCommand, compareCommand, reportCommand } from './cli/reviewCommands';
import { readAndCheckPlans } from './cli/annexes';
import { fixPlanFile } from './cli/fixFiles';

const USAGE = `usage:
  policy-lens check FILE... [--format text|json|sarif|github] [--locale zh|en] [--config FILE] [--source FILE] [--annex FILE] [--fix]
  policy-lens coverage FILE... [--format text|json|csv] [--config FILE] [--source FILE]
  policy-lens index [--check]
  policy-lens report FILE... [--out report.html] [--config FILE] [--source FILE] [--annex FILE]
  policy-lens assignments FILE... [--format md|csv|json|xlsx] [--out FILE] [--config FILE] [--source FILE] [--annex FILE]
  policy-lens compare OLD NEW | PLAN.docx [--format text|md|json] [--out FILE] [--config FILE] [--source FILE] [--annex FILE]
  policy-lens annotate FILE... [--track-changes] [--out FILE|FOLDER] [--locale zh|en] [--config FILE] [--source FILE] [--annex FILE]

FILE may be a file, a folder (its .md, .txt, .docx, .doc, .wps, .xlsx, .xls, .et, .pdf, .ofd, .html and .htm files; not a
分工表 or report this tool wrote, nor a saved page's 方案_files folder), a glob pattern ("plans/**/*.md"; plan files
only), or - for standard input. Text is read as UTF-8 (with or without BOM), UTF-16 with BOM or GB18030; a Word .docx or
.doc, an Excel .xlsx or .xls, a PDF and an OFD (their text; not a scan) and a web page (.html, .htm: a plan as a site
publishes it, decoded as text is, or in a charset it declares beyond those) as the Markdown they convert to, and WPS
Office's .wps and .et as the .doc and .xls they build on. A file that cannot be read is reported and the others are
still checked.
The text format locates a Word plan's or a web page's findings by paragraph (plan.docx:¶12:5), an Excel plan's by sheet
and row (分工表.xlsx:分工表!4:36), a PDF's or an OFD's by page (plan.pdf:p3:12); json and sarif keep the 0-based (sarif:
1-based) lines of the extracted text.
The policyLens.* settings (extra sources, severities) are the editor's: from .vscode/settings.json in the current
folder, or from --config FILE; relative source paths resolve against the folder that holds .vscode/ (or FILE).
--source FILE checks against that 总体方案 (another city's: text, Markdown, Word or PDF) in place of the bundled
Guangzhou one, as a policyLens.sources entry with an empty prefix does; references without a prefix cite it.
A plan whose 分工表 is a file of its own is checked with it: the file of the plan's folder whose name says 分工 and
whose rows name tasks (天河区实施方案.docx with 天河区任务分工表.xlsx; the only plan and 分工表 of a folder go together),
or the one --annex FILE names for every plan; standard error says which. Its rows count as the plan's own.
check exits 1 when an error is found, 2 on a usage error or a file that cannot be read (2 wins over 1), else 0.
With --fix, check writes each Markdown or text plan back with every finding's preferred quick fix applied (as the
editor's fix-all would; again while a fix brings another), in the encoding it was read in, and reports what is left;
a Word, Excel, PDF or OFD plan, a web page and standard input are checked but not written.
report writes the reviewer's page (findings, the task matrix, lead units; one HTML file, no network) to --out or
standard output; assignments writes each plan's 任务分工表 (xlsx needs --out). Both exit 2 when a file cannot be read.
compare reads two versions of one plan (the 征求意见稿, then the 修改稿), or one Word plan with tracked changes (修订) as
it was before them and as it is with them, and says which tasks the later covers newly or no longer, whose lead unit,
partners or deadline changed, and which findings it resolved, brought or kept; exit 2 when a file cannot be read.
annotate writes a copy of each Word plan, Excel 分工表, PDF or OFD, PLAN（审核意见）.docx, .xlsx, .pdf or .ofd beside it (or
--out), with every finding a comment (批注) on the text or cell it is about (in a PDF, a highlight and its note) and,
with --track-changes, a Word plan's preferred fixes tracked changes (修订) to accept or reject in Word; the plan itself
is not changed, nor an existing copy written over unless --out names it; exit 2 when a plan cannot be read or its copy
cannot be written.`;

interface Options {
  command: string;
  files: string[];
  format?: string;
  locale?: string;
  config?: string;
  out?: string;
  annex?: string;
  /** --source FILE: the 总体方案 that references without a prefix cite, in place of the bundled one. */
  source?: string;
  check: boolean;
  trackChanges?: boolean;
  fix?: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '', files: [], check: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    if (a === '--format' || a.startsWith('--format=')) o.format = value('--format');
    else if (a === '--locale' || a.startsWith('--locale=')) o.locale = value('--locale');
    else if (a === '--config' || a.startsWith('--config=')) o.config = value('--config');
    else if (a === '--out' || a.startsWith('--out=')) o.out = value('--out');
    else if (a === '--annex' || a.startsWith('--annex=')) o.annex = value('--annex');
    else if (a === '--source' || a.startsWith('--source=')) o.source = value('--source');
    else if (a === '--check') o.check = true;
    else if (a === '--track-changes') o.trackChanges = true;
    else if (a === '--fix') o.fix = true;
    else if (a.startsWith('--') ) throw new UsageError(`unknown option ${a}`);
    else o.files.push(a);
  }
  return o;
}

function requireFormat(o: Options, allowed: string[]): string {
  const f = o.format ?? allowed[0];
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${f}"`);
  return f;
}

async function check(o: Options): Promise<number> {
  const format = requireFormat(o, ['text', 'json', 'sarif', 'github']);
  if (!o.files.length) throw new UsageError('check needs at least one FILE');
  const config = commandConfig(o);
  const { index, checker } = await loadConfiguredEngine(config);
  const sources = new SourceFiles();
  const locale = localeOf(o.locale ?? process.env.POLICY_LENS_LOCALE ?? 'zh');
  const results: FileResult[] = [];
  const base = analyzeOptionsOf(config, locale);
  const { checked, unreadable } = await readAndCheckPlans(o.files, index, checker, base, o.annex);
  for (const { file, plan, analysis: found } of checked) {
    let analysis = found;
    if (o.fix) {
      const fixed = fixPlanFile(file, plan, checker, found, found.options ?? base);
      analysis = fixed.analysis;
      if (fixed.notWritten) process.stderr.write(`policy-lens: ${file}: --fix: ${fixed.notWritten}\n`);
      else if (fixed.applied) process.stderr.write(`policy-lens: ${file}: --fix: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}, wrote the file\n`);
    }
    results.push({ file, diagnostics: analysis.findings.map((f) => toDiagnostic(f, analysis.lines, sources)), paragraphOfLine: plan.paragraphOfLine, rowOfLine: plan.rowOfLine });
  }
  const out = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, packageVersion()) : format === 'github' ? formatGithub(results) : formatText(results);
  process.stdout.write(out);
  if (unreadable) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

async function coverage(o: Options): Promise<number> {
  const format = requireFormat(o, ['text', 'json', 'csv']);
  if (!o.files.length) throw new UsageError('coverage needs at least one FILE');
  if (o.annex !== undefined) throw new UsageError('--annex is an option of check, report and assignments');
  const config = commandConfig(o);
  const { index, checker } = await loadConfiguredEngine(config);
  const { plans, unreadable } = await readPlans(expandPlans(o.files, index));
  const docs = plans.map(({ file, plan }) => {
    const analysis = checker.analyze(plan.text, analyzeOptionsOf(config, 'zh'));
    return {
      references: analysis.references,
      restatements: analysis.restatements,
      resolvedBare: analysis.bareReferences,
      locate: (at: { start: number }) => {
        const p = analysis.lines.positionAt(at.start);
        return { file, line: p.line + 1, column: p.character + 1, paragraph: plan.paragraphOfLine?.[p.line], row: plan.rowOfLine?.[p.line] || undefined };
      },
    };
  });
  const rows = computeCoverage(index, docs);
  const { total, cited, restated } = coverageCounts(rows);
  // a Word plan is located by its paragraph (file.docx:¶12:5), as in check's text output
  const place = (l: { file: string; line: number; column: number; paragraph?: number; row?: string }) =>
    `${l.file}:${l.row ?? (l.paragraph !== undefined ? `¶${l.paragraph}` : l.line)}:${l.column}`;
  if (format === 'json') {
    process.stdout.write(JSON.stringify({
      total, cited, restated,
      tasks: rows.map((r) => ({
        id: r.task.id, reference: r.reference, state: r.state, text: r.task.text, domain: r.task.domain, category: r.task.category,
        locations: r.locations, restatedAt: r.restatedAt,
      })),
    }, null, 2) + '\n');
  } else if (format === 'csv') {
    process.stdout.write(coverageCsv(rows.map((r) => ({ reference: r.reference, id: r.task.id, state: r.state, text: r.task.text, citedAt: r.locations.map(place), restatedAt: r.restatedAt.map(place) }))));
  } else {
    const mark = { cited: '✓', restated: '≈', missing: '✗' } as const;
    for (const r of rows) {
      const where = r.state === 'restated' ? `${r.restatedAt.map(place).join(', ')}（复述，未引用）` : r.locations.map(place).join(', ');
      process.stdout.write(`${mark[r.state]} ${r.reference.padEnd(9, '\u3000')} ${where || '—'}\n`);
    }
    if (index.sources.length > 1) {
      for (const source of index.sources) {
        const own = coverageCounts(rows.filter((r) => r.prefix === source.prefix));
        process.stdout.write(`${source.prefix || source.meta.title}: 覆盖 ${own.cited}/${own.total}${own.restated ? `，复述 ${own.restated}` : ''}\n`);
      }
    }
    process.stdout.write(`覆盖 ${cited}/${total}${restated ? `，复述 ${restated}` : ''}\n`);
  }
  return unreadable ? 2 : 0;
}

function index(o: Options): number {
  const root = projectRoot();
  const built = buildDefaultIndex(root);
  // data/index.json keeps its shape; what the checks need beyond it goes to data/source-facts.json
  const outputs = [
    { name: INDEX_FILE, fresh: serializeIndex(built) },
    { name: FACTS_FILE, fresh: serializeFacts(built) },
  ];
  if (o.check) {
    const stale = outputs.filter(({ name, fresh }) => {
      const file = path.join(root, name);
      return (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== fresh;
    });
    for (const { name } of stale) process.stderr.write(`${name} is out of date: run "npm run index" and commit it\n`);
    if (stale.length) return 1;
    process.stdout.write(`${outputs.map((x) => x.name).join(' and ')} are up to date\n`);
    return 0;
  }
  for (const { name, fresh } of outputs) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fresh);
  }
  process.stdout.write(`wrote ${INDEX_FILE}: ${built.tasks.length} tasks in ${built.tables.length} tables, and ${FACTS_FILE}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    // `policy-lens check --help` asks for the usage, as `policy-lens --help` does (a file named -h is ./-h)
    if (argv.some((a) => a === '--help' || a === '-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const o = parseArgs(argv);
    if (o.trackChanges && o.command !== 'annotate') throw new UsageError('--track-changes is an option of annotate');
    if (o.fix && o.command !== 'check') throw new UsageError('--fix is an option of check');
    switch (o.command) {
      case 'check': return await check(o);
      case 'coverage': return await coverage(o);
      case 'index': return index(o);
      case 'report': return await reportCommand(o);
      case 'assignments': return await assignmentsCommand(o);
      case 'compare': return await compareCommand(o);
      case 'annotate': return await annotateCommand(o);
      case '--version': process.stdout.write(packageVersion() + '\n'); return 0;
      case 'help': process.stdout.write(USAGE + '\n'); return 0;
      default:
        throw new UsageError(o.command ? `unknown command "${o.command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-lens: ${e.message}\n${e.showUsage ? `${USAGE}\n` : ''}`);
      return 2;
    }
    process.stderr.write(`policy-lens: ${(e as Error).message}\n`);
    return 2;
  }
}

// a reader that stops early (policy-lens coverage … | head) closes the pipe: stop writing, as cat and grep do, instead of
// dying on the unhandled EPIPE with a stack trace
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
