// The Policy Lens CLI: `policy-lens check FILE...`, `policy-lens coverage FILE...`, `policy-lens index [--check]`.
import * as fs from 'fs';
import * as path from 'path';
import { loadEngine } from './engine';
import { coverageCsv } from './shared/coverageCsv';
import { computeCoverage } from './core/coverage';
import { localeOf } from './core/messages';
import { SourceFiles, toDiagnostic } from './convert';
import { expandFiles, readInput, UsageError } from './cli/files';
import { FileResult, formatGithub, formatJson, formatSarif, formatText } from './cli/format';
import { buildDefaultIndex, INDEX_FILE, packageVersion, projectRoot, serializeIndex } from './indexLoader';

const USAGE = `usage:
  policy-lens check FILE... [--format text|json|sarif|github] [--locale zh|en]
  policy-lens coverage FILE... [--format text|json|csv]
  policy-lens index [--check]

FILE may be a file, a folder (its .md and .txt files), a glob pattern ("plans/**/*.md"), or - for standard input.
check exits 1 when an error is found, 2 on a usage or I/O error, else 0.`;

interface Options {
  command: string;
  files: string[];
  format?: string;
  locale?: string;
  check: boolean;
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
    else if (a === '--check') o.check = true;
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

function check(o: Options): number {
  const format = requireFormat(o, ['text', 'json', 'sarif', 'github']);
  if (!o.files.length) throw new UsageError('check needs at least one FILE');
  const { checker } = loadEngine();
  const sources = new SourceFiles();
  const locale = localeOf(o.locale ?? process.env.POLICY_LENS_LOCALE ?? 'zh');
  const results: FileResult[] = [];
  for (const file of expandFiles(o.files)) {
    const analysis = checker.analyze(readInput(file), { locale });
    results.push({ file, diagnostics: analysis.findings.map((f) => toDiagnostic(f, analysis.lines, sources)) });
  }
  const out = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, packageVersion()) : format === 'github' ? formatGithub(results) : formatText(results);
  process.stdout.write(out);
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

function coverage(o: Options): number {
  const format = requireFormat(o, ['text', 'json', 'csv']);
  if (!o.files.length) throw new UsageError('coverage needs at least one FILE');
  const { index, checker } = loadEngine();
  const docs = expandFiles(o.files).map((file) => {
    const analysis = checker.analyze(readInput(file), { locale: 'zh' });
    return { references: analysis.references, locate: (r: { ref: { start: number } }) => {
      const p = analysis.lines.positionAt(r.ref.start);
      return { file, line: p.line + 1, column: p.character + 1 };
    } };
  });
  const rows = computeCoverage(index, docs);
  const cited = rows.filter((r) => r.locations.length).length;
  if (format === 'json') {
    process.stdout.write(JSON.stringify({
      total: rows.length, cited,
      tasks: rows.map((r) => ({ id: r.task.id, reference: r.reference, text: r.task.text, domain: r.task.domain, category: r.task.category, locations: r.locations })),
    }, null, 2) + '\n');
  } else if (format === 'csv') {
    process.stdout.write(coverageCsv(rows.map((r) => ({ reference: r.reference, id: r.task.id, text: r.task.text, citedAt: r.locations.map((l) => `${l.file}:${l.line}:${l.column}`) }))));
  } else {
    for (const r of rows) {
      const where = r.locations.map((l) => `${l.file}:${l.line}:${l.column}`).join(', ');
      process.stdout.write(`${r.locations.length ? '✓' : '✗'} ${r.reference.padEnd(9, '\u3000')} ${where || '—'}\n`);
    }
    process.stdout.write(`覆盖 ${cited}/${rows.length}\n`);
  }
  return 0;
}

function index(o: Options): number {
  const root = projectRoot();
  const fresh = serializeIndex(buildDefaultIndex(root));
  const file = path.join(root, INDEX_FILE);
  if (o.check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== fresh) {
      process.stderr.write(`${INDEX_FILE} is out of date: run "npm run index" and commit it\n`);
      return 1;
    }
    process.stdout.write(`${INDEX_FILE} is up to date\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fresh);
  const parsed = JSON.parse(fresh);
  process.stdout.write(`wrote ${INDEX_FILE}: ${parsed.tasks.length} tasks in ${parsed.tables.length} tables\n`);
  return 0;
}

function main(argv: string[]): number {
  try {
    const o = parseArgs(argv);
    switch (o.command) {
      case 'check': return check(o);
      case 'coverage': return coverage(o);
      case 'index': return index(o);
      case '--version': process.stdout.write(packageVersion() + '\n'); return 0;
      case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return 0;
      default:
        throw new UsageError(o.command ? `unknown command "${o.command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-lens: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`policy-lens: ${(e as Error).message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
