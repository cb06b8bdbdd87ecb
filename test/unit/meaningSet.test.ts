// Keeps the labelled sets of test/fixtures/meaning honest (spans.jsonl and the held-out heldout.jsonl, heldout-r7.jsonl and heldout-r10.jsonl): well-formed, labelled with tasks that exist, citing in
// its text what its labels say, large enough per kind, and written rather than copied from the source.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HELDOUT_FILE, HELDOUT_R10_FILE, HELDOUT_R7_FILE, loadMeaningSet, MeaningSpan, ROOT, SPANS_FILE } from '../fixtures/meaning/meaningSpans';

const INDEX_FILE = path.join(ROOT, 'data', 'index.json');

interface IndexedTask { id: string; table: number; item: number; text: string }

const KINDS = ['correct', 'generic', 'wrong', 'wrong-but-fits', 'bare', 'bare-unclear', 'restated', 'unrelated'];
const MINIMUM: Record<string, number> = {
  correct: 70, generic: 30, wrong: 60, 'wrong-but-fits': 15, bare: 40, 'bare-unclear': 8, restated: 45, unrelated: 35,
};
const WRONG_TYPES = ['neighbour', 'swapped', 'transposed', 'other-table', 'similar', 'range'];
const CITING = ['correct', 'generic', 'wrong', 'wrong-but-fits'];
const MAX_SPAN_CHARS = 200;
const COPY_RUN = 20;

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 12, １２, 十二, 二十三 or 五十七 as a number; undefined for anything else. */
function readNumber(raw: string): number | undefined {
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(raw);
  if (!m || raw === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]] : undefined;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

const NUM = '[0-9０-９]+|[一二三四五六七八九十]+';
const SP = '[ \\u3000]*';
const RANGE_DASH = '(?:至|到|-|—|－|–|~|～)';
/** 表1第12项, 表 1 第 12 项, 表一第十二项, 表1第12至15项, 表2第3、5项, 表2第3项、第5项, 表4所列第11项. */
const TABLE_FORM = new RegExp(
  `表${SP}(${NUM})${SP}(?:中的|中|的|所列的?)?${SP}第${SP}((?:${NUM})(?:${SP}(?:${RANGE_DASH}|、|，|和|及)${SP}(?:第${SP})?(?:${NUM}))*)${SP}项` +
  `((?:${SP}(?:、|和|及)${SP}第${SP}(?:${NUM})${SP}项)*)`, 'g');
/** T1.12, T1-12, 表1-12, 表1.12 (not ST1.12 nor 版本1.12). */
const ID_FORM = new RegExp(`(?<![A-Za-z0-9.])(?:[TＴ]|表)${SP}([0-9０-９]+)${SP}[.．\\-－]${SP}([0-9０-９]+)(?![0-9０-９.])`, 'g');
/** A task number without its table: 第5项, 第十二项, 任务12, 任务清单第13项. */
const BARE_FORM = new RegExp(`(?<!表${SP}(?:${NUM})${SP})第${SP}(${NUM})${SP}项|任务${SP}([0-9０-９]+)(?![0-9０-９.])`, 'g');

/** The task ids a text cites, in order of writing, by the simple forms above. */
function citedIds(text: string): string[] {
  const ids: string[] = [];
  const found: { at: number; ids: string[] }[] = [];
  for (const m of text.matchAll(TABLE_FORM)) {
    const table = readNumber(m[1]);
    const items: number[] = [];
    const written = `${m[2]}${m[3] ?? ''}`;
    for (const part of written.split(/、|，|和|及/)) {
      const bounds = part.split(new RegExp(RANGE_DASH)).map((s) => readNumber(s.replace(/[第项 \u3000]/g, '')));
      if (bounds.some((b) => b === undefined)) throw new Error(`cannot read the numbers of “${m[0]}”`);
      const [from, to] = [bounds[0]!, bounds[bounds.length - 1]!];
      for (let i = from; i <= to; i++) items.push(i);
    }
    found.push({ at: m.index!, ids: items.map((i) => `T${table}.${i}`) });
  }
  for (const m of text.matchAll(ID_FORM)) {
    found.push({ at: m.index!, ids: [`T${readNumber(m[1])}.${readNumber(m[2])}`] });
  }
  for (const f of found.sort((a, b) => a.at - b.at)) ids.push(...f.ids);
  return ids;
}

/** The bare numbers of a text once its references are taken out. */
function bareNumbers(text: string): number[] {
  const withoutRefs = text.replace(TABLE_FORM, '□').replace(ID_FORM, '□');
  return [...withoutRefs.matchAll(BARE_FORM)].map((m) => readNumber(m[1] ?? m[2])!);
}

const index = JSON.parse(fs.readFileSync(INDEX_FILE, 'utf8')) as { tasks: IndexedTask[] };
const tasks = new Map(index.tasks.map((t) => [t.id, t]));

/** The checks of one set of spans; `sizes`, the set's own test of its size and reach. */
function describeSet(title: string, file: string, sizes: (spans: readonly MeaningSpan[]) => void) {
  const { spans, problems: parseProblems } = loadMeaningSet(file);

  describe(title, () => {
    it('is one JSON object per line', () => {
      assert.deepStrictEqual(parseProblems, [], `${path.basename(file)} has lines that do not parse:\n${parseProblems.join('\n')}`);
    });

    it('gives every span a unique id, a known kind and a text of at most 200 characters', () => {
      const seen = new Set<string>();
      for (const s of spans) {
        assert.ok(typeof s.id === 'string' && !seen.has(s.id), `the id ${JSON.stringify(s.id)} is missing or used twice`);
        seen.add(s.id);
        assert.ok(KINDS.includes(s.kind), `${s.id} has the unknown kind ${JSON.stringify(s.kind)}`);
        assert.ok(typeof s.text === 'string' && s.text.trim() !== '', `${s.id} has no text`);
        assert.ok([...s.text].length <= MAX_SPAN_CHARS, `${s.id} is ${[...s.text].length} characters long, over ${MAX_SPAN_CHARS}`);
      }
    });

    it('labels only tasks that exist in data/index.json', () => {
      for (const s of spans) {
        for (const [field, id] of [['cited', s.cited], ['truth', s.truth], ['candidatesFirst', s.candidatesFirst]] as const) {
          if (id !== undefined && id !== null) assert.ok(tasks.has(id), `${s.id}: ${field} ${id} is not a task of the index`);
        }
        for (const id of s.citedAll ?? []) assert.ok(tasks.has(id), `${s.id}: citedAll names ${id}, not a task of the index`);
      }
    });

    it('gives each kind the labels it needs', () => {
      for (const s of spans) {
        if (CITING.includes(s.kind)) {
          assert.ok(s.cited, `${s.id} (${s.kind}) has no cited task`);
          assert.ok(s.truth, `${s.id} (${s.kind}) has no truth`);
        } else {
          assert.strictEqual(s.cited, undefined, `${s.id} (${s.kind}) cites nothing, yet has cited ${s.cited}`);
        }
        if (s.kind === 'correct' || s.kind === 'generic' || s.kind === 'wrong-but-fits') {
          assert.strictEqual(s.truth, s.cited, `${s.id} (${s.kind}) should have truth = cited, has ${s.truth} and ${s.cited}`);
        }
        if (s.kind === 'wrong') {
          assert.notStrictEqual(s.truth, s.cited, `${s.id} is labelled wrong but its truth is the cited task ${s.cited}`);
          assert.ok(!(s.citedAll ?? []).includes(s.truth!), `${s.id} is labelled wrong but its range or list includes its truth ${s.truth}`);
          assert.ok(WRONG_TYPES.some((t) => s.note?.startsWith(t)), `${s.id}: the note ${JSON.stringify(s.note)} does not start with a type of mistake`);
        }
        if (s.kind === 'bare' || s.kind === 'restated') assert.ok(s.truth, `${s.id} (${s.kind}) has no truth`);
        if (s.kind === 'bare-unclear' || s.kind === 'unrelated') assert.strictEqual(s.truth, null, `${s.id} (${s.kind}) should have truth null`);
        if (s.header !== undefined) {
          assert.ok(/^\|.*\|$/.test(s.header) && /^\|.*\|$/.test(s.text), `${s.id} has a header but is not a table row`);
        }
      }
    });

    it('cites in each text exactly the tasks its labels name', () => {
      for (const s of spans.filter((x) => CITING.includes(x.kind))) {
        const expected = s.citedAll ?? [s.cited!];
        const written = citedIds(s.text);
        const found = written.length ? written : numberColumnIds(s);
        assert.deepStrictEqual(found, expected, `${s.id}: the text “${s.text}” cites ${found.join(', ') || 'nothing'}, labelled ${expected.join(', ')}`);
        assert.ok(expected.includes(s.cited!), `${s.id}: cited ${s.cited} is not among citedAll ${expected.join(', ')}`);
        if (s.kind === 'wrong' && s.citedAll) assert.strictEqual(s.cited, s.citedAll[0], `${s.id}: a wrong range should name its first task as cited`);
      }
    });

    it('writes in each bare span one bare number, the item of its truth, and no full reference', () => {
      for (const s of spans.filter((x) => x.kind === 'bare' || x.kind === 'bare-unclear')) {
        assert.deepStrictEqual(citedIds(s.text), [], `${s.id}: a bare span should cite no task by table, “${s.text}” does`);
        const numbers = bareNumbers(s.text);
        assert.strictEqual(numbers.length, 1, `${s.id}: expected one bare number in “${s.text}”, found ${JSON.stringify(numbers)}`);
        const candidates = index.tasks.filter((t) => t.item === numbers[0]);
        if (s.truth) assert.strictEqual(tasks.get(s.truth)!.item, numbers[0], `${s.id}: the bare number ${numbers[0]} is not the item of ${s.truth}`);
        if (s.candidatesFirst) assert.strictEqual(tasks.get(s.candidatesFirst)!.item, numbers[0], `${s.id}: candidatesFirst ${s.candidatesFirst} is not item ${numbers[0]}`);
        if (s.kind === 'bare-unclear') assert.ok(candidates.length >= 2, `${s.id}: number ${numbers[0]} has only one candidate, so it is not unclear`);
      }
    });

    it('writes no reference and no bare number in restated and unrelated spans', () => {
      for (const s of spans.filter((x) => x.kind === 'restated' || x.kind === 'unrelated')) {
        assert.deepStrictEqual(citedIds(s.text), [], `${s.id} (${s.kind}) should cite nothing: “${s.text}”`);
        assert.deepStrictEqual(bareNumbers(s.text), [], `${s.id} (${s.kind}) should have no bare task number: “${s.text}”`);
        assert.ok(!/[TＴ][0-9０-９]|表[0-9０-９一二三四五]/.test(s.text), `${s.id} (${s.kind}) names a table or an id: “${s.text}”`);
      }
    });

    it('has enough spans of each kind, and reaches the tasks it is meant to', () => sizes(spans));

    it('copies no run of 20 characters from any task text', () => {
      const runs = new Map<string, string>();
      for (const t of index.tasks) {
        const chars = [...t.text];
        for (let i = 0; i + COPY_RUN <= chars.length; i++) runs.set(chars.slice(i, i + COPY_RUN).join(''), t.id);
      }
      for (const s of spans) {
        for (const piece of [s.text, s.before ?? '']) {
          const chars = [...piece];
          for (let i = 0; i + COPY_RUN <= chars.length; i++) {
            const run = chars.slice(i, i + COPY_RUN).join('');
            assert.ok(!runs.has(run), `${s.id} copies “${run}” from the text of ${runs.get(run)}`);
          }
        }
      }
    });
  });
}

/** The labelled set: every kind well represented, 80 tasks of all five tables cited rightly, every type of wrong citation. */
function mainSetSizes(spans: readonly MeaningSpan[]): void {
  const count = (kind: string) => spans.filter((s) => s.kind === kind).length;
  for (const kind of KINDS) assert.ok(count(kind) >= MINIMUM[kind], `${count(kind)} spans of kind ${kind}, fewer than ${MINIMUM[kind]}`);
  assert.ok(count('correct') + count('generic') >= 110, `${count('correct') + count('generic')} correct and generic spans, fewer than 110`);
  assert.ok(spans.length >= 300, `${spans.length} spans in all, fewer than 300`);
  const covered = new Set(spans.filter((s) => s.kind === 'correct' || s.kind === 'generic').flatMap((s) => s.citedAll ?? [s.cited!]));
  assert.ok(covered.size >= 80, `correct and generic spans cite ${covered.size} distinct tasks, fewer than 80`);
  for (const table of [1, 2, 3, 4, 5]) {
    assert.ok([...covered].some((id) => tasks.get(id)!.table === table), `no correct or generic span cites a task of 表${table}`);
  }
  for (const type of WRONG_TYPES) {
    assert.ok(spans.some((s) => s.kind === 'wrong' && s.note?.startsWith(type)), `no wrong span of type ${type}`);
  }
}

/** A table row's task written in its 任务编号 column (1-12, 1.12 under a header cell ending 编号), as the checks read one. */
function numberColumnIds(s: MeaningSpan): string[] {
  if (!s.header) return [];
  const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.trim());
  const column = cells(s.header).findIndex((c) => /编号$/.test(c));
  const m = column >= 0 ? /^([0-9]{1,2})[-.．－]([0-9]{1,3})$/.exec(cells(s.text)[column] ?? '') : null;
  return m ? [`T${Number(m[1])}.${Number(m[2])}`] : [];
}

const HELD_OUT_MINIMUM: Record<string, number> = { correct: 30, wrong: 30, generic: 10, restated: 10, unrelated: 10 };
const HELD_OUT_R7_MINIMUM: Record<string, number> = { correct: 25, wrong: 25, 'wrong-but-fits': 5, generic: 10, restated: 15, unrelated: 10 };
const HELD_OUT_R10_MINIMUM: Record<string, number> = { bare: 40, 'bare-unclear': 10, correct: 20, wrong: 20 };

/** A held-out set: the kinds that cite or restate, each of some size, and every table's tasks among its right citations. */
const heldOutSizes = (minimum: Record<string, number>) => (spans: readonly MeaningSpan[]): void => {
  const count = (kind: string) => spans.filter((s) => s.kind === kind).length;
  for (const [kind, least] of Object.entries(minimum)) assert.ok(count(kind) >= least, `${count(kind)} spans of kind ${kind}, fewer than ${least}`);
  const covered = new Set(spans.filter((s) => s.kind === 'correct').map((s) => tasks.get(s.cited!)!.table));
  assert.deepStrictEqual([...covered].sort(), [1, 2, 3, 4, 5], 'the correct spans cite tasks of every table');
};

describeSet('the labelled set of plan spans', SPANS_FILE, mainSetSizes);
describeSet('the held-out set of plan spans', HELDOUT_FILE, heldOutSizes(HELD_OUT_MINIMUM));
describeSet('the second held-out set of plan spans', HELDOUT_R7_FILE, heldOutSizes(HELD_OUT_R7_MINIMUM));
describeSet('the third held-out set of plan spans', HELDOUT_R10_FILE, heldOutSizes(HELD_OUT_R10_MINIMUM));

describe('the simple reference reader of the set validator', () => {
  it('reads the forms the set uses', () => {
    const cases: [string, string[]][] = [
      ['见表1第12项。', ['T1.12']],
      ['见表 1 第 12 项。', ['T1.12']],
      ['见表一第十二项、表五第十八项。', ['T1.12', 'T5.18']],
      ['见表１第１３项', ['T1.13']],
      ['见T3.5和表2-7', ['T3.5', 'T2.7']],
      ['表2第4至6项', ['T2.4', 'T2.5', 'T2.6']],
      ['表2第3、5项', ['T2.3', 'T2.5']],
      ['表2第3项、第5项', ['T2.3', 'T2.5']],
      ['表1第二十三项', ['T1.23']],
      ['表4所列第11项，表5的第3项，表2中的第12项', ['T4.11', 'T5.3', 'T2.12']],
      ['版本1.12，ST1.12', []],
      ['按照第5项要求', []],
    ];
    for (const [text, ids] of cases) assert.deepStrictEqual(citedIds(text), ids, `“${text}” was read as ${citedIds(text).join(', ')}`);
  });

  it('finds bare numbers but not the items of full references', () => {
    assert.deepStrictEqual(bareNumbers('按照第5项要求，落实任务12'), [5, 12], 'the bare numbers of a sentence were missed');
    assert.deepStrictEqual(bareNumbers('表2第3项、第5项'), [], 'the second item of a list was read as a bare number');
    assert.deepStrictEqual(bareNumbers('第3季度完成第三方评估'), [], 'a quarter or 第三方 was read as a task number');
  });
});
