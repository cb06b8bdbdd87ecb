// Which file of a folder is the 分工表 of which plan: a district sends its 实施方案 (a Word file) with its 重点任务分工表
// (an Excel file) beside it, and the two are one plan. Paths are compared as strings (either slash); nothing is read here.

/** A file's folder and its name without the extension. */
function splitPath(file: string): { folder: string; stem: string } {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const name = file.slice(cut + 1);
  const dot = name.lastIndexOf('.');
  return { folder: file.slice(0, cut + 1), stem: dot > 0 ? name.slice(0, dot) : name };
}

/** A name's words before its kind (附件1：, 附件2-: the annex's number says nothing of whose it is). */
const ANNEX_NUMBER = /^附件[0-9０-９一二三四五六七八九十]*[：:、．.\s_\-—－]*/;

/** Whether a file's name says it is a 分工表 (重点任务分工表.xlsx, 附件2：任务分工.docx, 责任分工方案.md). */
export function namesAssignmentTable(file: string): boolean {
  return /分工/.test(splitPath(file).stem);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * For each plan of `files` that is not a 分工表, the 分工表 of its folder that goes with it (`tables`: the files that are
 * 分工表, those whose name says so and whose rows assign tasks). A folder with one plan and one 分工表: they go
 * together. Otherwise a plan goes with the 分工表 whose name begins as its own does (天河区实施方案 with 天河区任务分工表),
 * by at least two characters and by more than it shares with the folder's other plans (广州市天河区… and 广州市越秀区…
 * share 广州市; not its own other versions, 天河区实施方案（修改稿）), and more than with any other 分工表; none when that
 * does not settle it.
 */
export function pairAnnexes(files: readonly string[], tables: ReadonlySet<string>): Map<string, string> {
  const folders = new Map<string, { plans: string[]; tables: string[] }>();
  for (const file of files) {
    const { folder } = splitPath(file);
    let f = folders.get(folder);
    if (!f) folders.set(folder, (f = { plans: [], tables: [] }));
    (tables.has(file) ? f.tables : f.plans).push(file);
  }
  const key = (file: string) => splitPath(file).stem.replace(ANNEX_NUMBER, '');
  const pairs = new Map<string, string>();
  for (const { plans, tables: annexes } of folders.values()) {
    if (!annexes.length) continue;
    if (plans.length === 1 && annexes.length === 1) {
      pairs.set(plans[0], annexes[0]);
      continue;
    }
    for (const plan of plans) {
      const own = key(plan);
      let floor = 1;
      for (const other of plans) {
        const theirs = key(other);
        // another version of the same plan (天河区实施方案 and 天河区实施方案（修改稿）) shares its 分工表
        if (other === plan || theirs.startsWith(own) || own.startsWith(theirs)) continue;
        floor = Math.max(floor, commonPrefix(own, theirs));
      }
      let best: string | undefined;
      let bestLength = floor;
      let tie = false;
      for (const annex of annexes) {
        const n = commonPrefix(own, key(annex));
        if (n > bestLength) {
          best = annex;
          bestLength = n;
          tie = false;
        } else if (n === bestLength && best) tie = true;
      }
      if (best && !tie) pairs.set(plan, best);
    }
  }
  return pairs;
}
