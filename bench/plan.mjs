// The bench's documents: a ~1 MB plan made of the sample plans (with their planted errors) repeated, and a small
// one; each with a probe section in its middle holding the hover target, the completion prefixes and the edit spot.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The plan texts the big document repeats: examples/sample-plan.md and the cases of test/fixtures/checks/*.md. */
export function loadPieces(root) {
  const pieces = [{ name: 'examples/sample-plan.md', text: readFileSync(join(root, 'examples', 'sample-plan.md'), 'utf8') }];
  const dir = join(root, 'test', 'fixtures', 'checks');
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort()) {
      const raw = readFileSync(join(dir, file), 'utf8');
      // cases are separated by lines that are exactly `---`; each starts with a `<!-- case: … -->` header
      const cases = raw
        .split(/\r?\n---\r?\n/)
        .map((c) => c.replace(/^\s*<!--[\s\S]*?-->\s*/, '').trim())
        .filter(Boolean);
      if (!cases.length) continue;
      // the fixture harness reads each case alone: after a case with headings of its own (## 一、科技服务领域, a text
      // plan's 二、金融服务 line), a ## 用例 heading ends their reach, so that they do not govern the cases after it
      let text = cases.map((c, i) => (i < cases.length - 1 && HEADINGS.test(c) ? `${c}\n\n## 用例` : c)).join('\n\n');
      // a case may silence the rest of its own document (`policy-lens-disable`); here that would silence every
      // later copy, and their planted errors with it: re-enable everything at the end of the piece
      if (/policy-lens-disable(?!-)/.test(text)) text += '\n\n<!-- policy-lens-enable -->';
      pieces.push({ name: `test/fixtures/checks/${file}`, text });
    }
  }
  return pieces;
}

/** A Markdown heading, or a line of a text plan's outline (一、…, （一）…). */
const HEADINGS = /^(?:#{1,6}[ \t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/m;

/** The probe section. Hover on 表1第12项, complete after 表1第 and after @数字人民币, edit the last line. */
export const PROBE = [
  '## 基准探针',
  '',
  '1. 商务服务领域：落实表1第12项，允许外商投资社会调查。',
  '2. 落实表1第',
  '3. 推动@数字人民币',
  '4. 基准编辑行：推动试点任务在我区落地见效。',
].join('\n');

function demote(text, part) {
  // each copy is a part of the big plan: its title becomes a numbered level-2 heading; a piece without a title (the
  // fixture cases) gets one, so that the headings of one piece do not govern the next (## 一、科技服务领域 would)
  if (/^# /m.test(text)) return text.replace(/^# (.*)$/m, `## 第${part}部分：$1`);
  return `## 第${part}部分\n\n${text}`;
}

/**
 * A plan of about `targetBytes` UTF-8 bytes: the pieces repeated in turn, the probe section in the middle.
 * Returns the text, the probe positions (LSP line/character, UTF-16) and what it is made of.
 */
export function buildPlan(pieces, targetBytes, transform = (t) => t) {
  const head = '# 基准：大型实施方案（由 bench/plan.mjs 生成）\n\n';
  const parts = [];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(PROBE) + 2;
  let probeAt = -1;
  for (let i = 0; bytes < targetBytes; i++) {
    const text = transform(demote(pieces[i % pieces.length].text.trim(), i + 1), i + 1) + '\n';
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
    if (probeAt < 0 && bytes >= targetBytes / 2) {
      probeAt = parts.length;
      parts.push(PROBE + '\n');
    }
  }
  if (probeAt < 0) parts.push(PROBE + '\n');
  const text = head + parts.join('\n');
  return { text, copies: parts.length - 1, ...probes(text) };
}

/** The small plan: the sample plan and the probe section. */
export function smallPlan(pieces) {
  const text = pieces[0].text.trim() + '\n\n' + PROBE + '\n';
  return { text, copies: 1, ...probes(text) };
}

/** LSP position of an offset in a text whose lines end with \n or \r\n (no offset inside a CRLF). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function probes(text) {
  const probe = text.indexOf('## 基准探针');
  const find = (needle) => {
    const at = text.indexOf(needle, probe);
    if (at < 0) throw new Error(`probe "${needle}" not found`);
    return at;
  };
  return {
    bytes: Buffer.byteLength(text),
    chars: text.length,
    lines: text.split('\n').length,
    // on the 第 of 表1第12项 (the cursor inside the reference)
    hover: positionAt(text, find('表1第12项') + 2),
    // after 表1第 at the end of its line
    tableCompletion: positionAt(text, find('落实表1第\n') + '落实表1第'.length),
    // after @数字人民币 at the end of its line
    fuzzyCompletion: positionAt(text, find('推动@数字人民币') + '推动@数字人民币'.length),
    // the one-character edits go just after 基准编辑行：
    edit: positionAt(text, find('基准编辑行：') + '基准编辑行：'.length),
  };
}

/**
 * A transform for buildPlan: a comment `<!--K.N.P-->` (text K, copy N, paragraph P) at the end of every paragraph.
 * Every paragraph is then one the server has never seen (it caches results by paragraph text, and the plain plan
 * repeats its copies), as when a real plan, whose paragraphs all differ, is first opened; and as the checks read
 * an HTML comment as blanks, the findings are exactly those of the same copies without the comments.
 */
export const variant = (k) => (text, copy) => {
  let p = 0;
  return text.replace(/(\S)(?=[ \t]*(?:\n[ \t\u3000]*\n|$))/g, (_m, c) => `${c}<!--${k}.${copy}.${++p}-->`);
};
