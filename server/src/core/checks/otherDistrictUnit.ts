// other-district-unit: a district's plan (黄埔区落实……实施方案: its title, as the walk reads it) that gives an item to a unit
// of another district to lead (（天河区商务局牵头）, a 分工表's 牵头单位 cell 南沙区商务局, （天河区）): a plan adapted from
// another district's, that district's name left in. The title's district goes by its pilot area's names too (黄埔区,
// 广州开发区, 知识城: the source's). Partners are not judged (districts do work together), nor a city's plan, nor a pilot
// area's district leading an area's task (place-mismatch judges it against the task's area).
import { blockCitations } from '../bareNumbers';
import { Finding } from '../findings';
import { itemExtentEnd } from '../itemAssignment';
import { Block } from '../planModel';
import { districtStem, isDistrict, leadingDistrict, titleDistricts } from '../responsibility';
import { blockReading, unitPlace } from '../unitSpellings';
import type { CheckContext } from './context';
import { areaNameAtStart, citesAreaTask } from './placeMismatch';
import type { CheckRun } from './registry';

export function checkOtherDistrictUnits(block: Block, run: CheckRun): Finding[] {
  const title = run.structure?.title;
  const own = title ? titleDistrict(title, run.context) : undefined;
  if (!own) return [];
  const text = run.model.text;
  const reading = blockReading(text, block);
  if (!reading) return [];
  const { read, spans } = reading;
  const findings: Finding[] = [];
  for (const u of [read.lead, ...(read.coLeads ?? []), ...(read.named ?? [])]) {
    const district = u && unitDistrict(u.name, run.context);
    if (!u || !district || own.names.has(district.name) || own.names.has(districtStem(district.name))) continue;
    // a pilot area's district leading an area's task: place-mismatch says whether it is the task's area
    if ((run.context.areaByName.has(district.name) || run.context.areaByName.has(districtStem(district.name))) && itemAboutAreaTask(block, run)) continue;
    const start = unitPlace(text, block, spans, u);
    if (start === undefined) continue;
    const at = start + district.at;
    const alone = u.name.length === district.at + district.name.length;
    findings.push({
      start, end: start + u.name.length, code: 'other-district-unit', severity: 'warning',
      message: alone ? run.msg.otherDistrict(own.shown, district.name) : run.msg.otherDistrictUnit(own.shown, u.name, district.name),
      related: [],
      fixes: own.written && !district.area ? [{ title: run.msg.replaceWith(own.written), start: at, end: at + district.name.length, newText: own.written, preferred: true }] : [],
    });
  }
  return findings;
}

/** A city bureau's branch in a district (市规划和自然资源局黄埔区分局): the district's. */
const BRANCH_DISTRICT = /局([\u4e00-\u9fff]{2,3}?(?:新区|区|县))分局$/;
/** A pilot area's committee named by the area (广州开发区管委会, 知识城管委会): the area's. */
const AREA_COMMITTEE = /^(?:管委会|管理委员会)$/;

/**
 * The district a unit belongs to by its name, and where in it that name stands: the district it opens with (天河区商务局),
 * that of a city bureau's branch (市规划和自然资源局黄埔区分局), or a pilot area named for its committee (广州开发区管委会:
 * `area`, no district's name to write over).
 */
function unitDistrict(name: string, context: CheckContext): { name: string; at: number; area?: boolean } | undefined {
  const leading = leadingDistrict(name);
  if (leading) return leading;
  const branch = BRANCH_DISTRICT.exec(name);
  if (branch && isDistrict(branch[1])) return { name: branch[1], at: branch.index + 1 };
  const area = areaNameAtStart(name, context);
  if (area && AREA_COMMITTEE.test(name.slice(area.length))) return { name: area, at: 0, area: true };
  // a development zone named after its district, and its committee (南沙开发区管委会, 增城经济技术开发区管委会): the district's
  const zone = DISTRICT_ZONE.exec(name);
  return zone && isDistrict(zone[1] + '区') ? { name: zone[1] + '区', at: 0, area: true } : undefined;
}

/** A zone's committee whose name opens with a district's stem: 南沙开发区管委会, 增城经济技术开发区管理委员会. */
const DISTRICT_ZONE = /^([\u4e00-\u9fff]{2})(?:经济技术开发区|高新技术产业开发区|开发区|高新区)(?:管委会|管理委员会)$/;

/**
 * Whether the item a block assigns cites or restates an area's task (aboutAreaTask): the block itself, or the item whose
 * labelled lines it is — the item before it in the paragraph whose extent (itemExtentEnd) reaches it (（二）…（表3第10项）。
 * then 牵头单位：黄埔区知识产权局 on the next line), or, for the labelled lines a paragraph opens with, the item of a
 * paragraph above (StructureWalk's labelsItem: a Word plan saved with blank lines).
 */
function itemAboutAreaTask(block: Block, run: CheckRun): boolean {
  const ctx = run.context;
  if (aboutAreaTask(block, ctx)) return true;
  if (block.kind === 'item' || block.kind === 'row') return false;
  const blocks = run.model.blocks;
  for (let j = blocks.indexOf(block) - 1; j >= 0; j--) {
    if (blocks[j].kind === 'item') return itemExtentEnd(run.model.text, blocks, blocks[j]) >= block.end && aboutAreaTask(blocks[j], ctx);
  }
  return !!run.structure?.labelsItem?.some((t) => ctx.areaOf.has(t.id));
}

/** Whether the block cites (by a reference, or a bare number it settles) or restates a task the source gives a pilot area. */
function aboutAreaTask(block: Block, context: CheckContext): boolean {
  return citesAreaTask(blockCitations(block), context) || (!!block.restates && context.areaOf.has(block.restates.task.id));
}

/** The district a title names, as written (for the fix) and as the message says it, and all the names it goes by. */
interface OwnDistrict {
  written?: string;
  shown: string;
  names: Set<string>;
}

let lastTitle: { title: string; context: CheckContext; own: OwnDistrict | undefined } | undefined;

/**
 * The district a plan's title names (黄埔区落实……, 广州市黄埔区……) and the names of the pilot area it names (中新广州知识城……
 * is 黄埔区's): undefined when it names neither (a city's plan).
 */
function titleDistrict(title: string, context: CheckContext): OwnDistrict | undefined {
  if (lastTitle?.title === title && lastTitle.context === context) return lastTitle.own;
  const names = new Set<string>();
  const add = (name: string) => {
    names.add(name);
    names.add(districtStem(name));
  };
  const written = leadingDistrict(title)?.name;
  let shown = written;
  // every district the title names (越秀区、荔湾区联合……: a plan of both), with its pilot area's names
  for (const district of titleDistricts(title)) {
    add(district);
    for (const name of context.areaByName.get(district)?.names ?? context.areaByName.get(districtStem(district))?.names ?? []) add(name);
  }
  const pattern = context.areaPattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(title); m !== null; m = pattern.exec(title)) {
    shown ??= m[0];
    for (const name of context.areaByName.get(m[0])!.names) add(name);
  }
  const own = shown ? { written, shown, names } : undefined;
  lastTitle = { title, context, own };
  return own;
}
