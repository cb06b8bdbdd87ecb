// missing-area-task: a plan whose title names a pilot area (海珠区落实……实施方案, # 南沙区……工作方案) that takes up none of
// some of that area's tasks (表3第22至24项 are 海珠区's) — by reference, by a bare number read as the task, by an item
// that restates it, or in its 分工表: the area's own pilot is left out.
// Reported once, on the area's name in the title, with the tasks it leaves out. A plan that cites no task at all (a
// notice, a first outline) is not judged, nor minutes (…会议纪要), which take up what their meeting discussed, nor a
// report on the work (…督办情况通报, …工作总结), which takes up what was done or lags.
import { Finding } from '../findings';
import { nameAsWritten, PilotArea } from '../pilotAreas';
import { Block } from '../planModel';
import { endsAsTitle, isRecordTitle } from '../planStructure';
import { formatReference, sourcePrefixOf } from '../taskIndex';
import { Task } from '../types';
import type { CheckRun } from './registry';
import { relatedTask } from './related';

export function checkMissingAreaTasks(block: Block, run: CheckRun): Finding[] {
  const cites = run.structure?.planCites;
  if (!cites || !cites.ids.size) return [];
  // minutes take up what their meeting discussed, a report what was done: not the area's whole pilot
  const title = run.structure?.title;
  if (title && isRecordTitle(title)) return [];
  // the walk gives the plan's citations to the title's paragraph alone: its first block, the title (a heading, or the
  // paragraph's own line)
  if (block !== run.model.blocks[0]) return [];
  const ctx = run.context;
  const text = run.model.text;
  const pattern = ctx.areaPattern;
  pattern.lastIndex = 0;
  // the title only: a text plan without blank lines has its opening sentence in the title's block (为贯彻……借鉴南沙区经验)
  const unit = titleLinesOf(text.slice(block.start, block.end));
  const findings: Finding[] = [];
  const judged = new Set<PilotArea>();
  for (let m = pattern.exec(unit); m !== null; m = pattern.exec(unit)) {
    const area = ctx.areaByName.get(m[0])!;
    if (judged.has(area)) continue;
    judged.add(area);
    // the name as the title writes it, with its zone's ending (南沙区, not 南沙)
    const written = nameAsWritten(unit, m.index, m[0]);
    const missing = [...area.tasks].filter((id) => !cites.ids.has(id)).map((id) => ctx.index.task(id)).filter((t): t is Task => !!t);
    if (!missing.length) continue;
    findings.push({
      start: block.start + m.index, end: block.start + m.index + written.length, code: 'missing-area-task', severity: 'information',
      message: run.msg.missingAreaTasks(written, area.title, runsOf(missing), missing.length === area.tasks.size ? undefined : area.tasks.size),
      related: missing.map((t) => relatedTask(ctx.index, t, run.msg)), fixes: [],
    });
  }
  return findings;
}

/** Tasks as references, a run of one table's consecutive items as a range (表3第9至15项), in the order given. */
function runsOf(tasks: readonly Task[]): string {
  const out: string[] = [];
  for (let i = 0; i < tasks.length; ) {
    let j = i;
    while (j + 1 < tasks.length && tasks[j + 1].table === tasks[i].table && tasks[j + 1].item === tasks[j].item + 1 && sourcePrefixOf(tasks[j + 1]) === sourcePrefixOf(tasks[i])) j++;
    out.push(j - i >= 2 ? `${formatReference(tasks[i]).replace(/项$/, '')}至${tasks[j].item}项` : tasks.slice(i, j + 1).map((t) => formatReference(t)).join('、'));
    i = j + 1;
  }
  return out.join('、');
}

/** How many of a block's first lines may stand above its title's last line (a 发文机关 line, a 文号 line, a title's first line). */
const TITLE_LINES = 4;

/**
 * A block's text up to the end of its title: up to its first line, among its first few, that ends with the kind of
 * document it is (……实施方案, ……工作方案（2023—2025年）); the whole block when none does (a heading).
 */
function titleLinesOf(unit: string): string {
  for (let k = 0, at = 0; k < TITLE_LINES && at < unit.length; k++) {
    const nl = unit.indexOf('\n', at);
    const end = nl < 0 ? unit.length : nl;
    if (endsAsTitle(unit.slice(at, end))) return unit.slice(0, end);
    if (nl < 0) break;
    at = nl + 1;
  }
  return unit;
}
