// The units a plan names as it assigns its items, and the one written under a cursor: shared by the hover on a unit's
// name, its highlights, its renaming and the completion of unit names.
import type { DocumentAnalysis } from '../core/analyze';
import { hasUnitChar, mayNameSameUnit, sameDistrictOf, titleDistricts } from '../core/responsibility';
import { lineEndFrom } from '../core/text';
import type { Task } from '../core/types';

/** How far after the cursor the last character of a unit's name (局, 委, 办…) may be for a unit to be under it. */
const UNIT_REACH = 24;

export interface PlanUnits {
  /** By unit: the tasks of the items it leads (its own lead, or its 分工表 row's), and those it is a partner of. */
  leads: Map<string, Set<Task>>;
  partners: Map<string, Set<Task>>;
  /** By unit: how many times the items name it, as a lead or a partner (the completion ranks by it). */
  uses: Map<string, number>;
  names: string[];
  /** The districts the plan's title names (a district's plan): a unit of another district is not one of its own. */
  districts: string[];
}

/** What the plan's task items give each unit (read once per version of the plan: analysis.taskItems). */
export function planUnits(analysis: DocumentAnalysis): PlanUnits {
  const leads = new Map<string, Set<Task>>();
  const partners = new Map<string, Set<Task>>();
  const uses = new Map<string, number>();
  const add = (to: Map<string, Set<Task>>, unit: string, tasks: Task[]) => {
    let set = to.get(unit);
    if (!set) to.set(unit, (set = new Set()));
    for (const t of tasks) set.add(t);
    uses.set(unit, (uses.get(unit) ?? 0) + 1);
  };
  for (const item of analysis.taskItems) {
    const tasks = [...item.cited, ...item.restated];
    const led = item.lead ? [item.lead, ...item.coLeads] : item.fromTable?.leads ?? [];
    for (const unit of led) add(leads, unit, tasks);
    for (const unit of item.partners) add(partners, unit, tasks);
  }
  const title = analysis.planTitle;
  return { leads, partners, uses, names: [...new Set([...leads.keys(), ...partners.keys()])], districts: title ? titleDistricts(title) : [] };
}

/**
 * The unit's name written at `offset` (its end included), the longest of the plan's units there (区商务局, not 商务局);
 * undefined when none. The plan's items are read only when a unit's last character is near the cursor.
 */
export function unitAt(analysis: DocumentAnalysis, offset: number): { name: string; start: number; end: number; units: PlanUnits } | undefined {
  const { line } = analysis.lines.positionAt(offset);
  const start = analysis.lines.offsetAt({ line, character: 0 });
  const end = lineEndFrom(analysis.text, start);
  // (from the character before the cursor: it may sit right after the name)
  if (!hasUnitChar(analysis.text, Math.max(start, offset - 1), Math.min(end, offset + UNIT_REACH))) return undefined;
  const units = planUnits(analysis);
  const text = analysis.text.slice(start, end);
  let found: { name: string; start: number; end: number } | undefined;
  for (const name of units.names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const s = start + i;
      if (offset >= s && offset <= s + name.length && (!found || name.length > found.name.length)) found = { name, start: s, end: s + name.length };
    }
  }
  return found && { ...found, units };
}

/**
 * The names the plan writes a unit by: `name` and those that may name the same unit (区金融局, 区金融工作局), of the same
 * district (in a 黄埔区 plan, 天河区商务局 is not its 区商务局).
 */
export function spellingsOf(units: PlanUnits, name: string): string[] {
  return units.names.filter((u) => u === name || (mayNameSameUnit(u, name) && sameDistrictOf(u, name, units.districts)));
}

/**
 * Every place the plan writes `name` as a name of its own: not inside a longer name of the plan's units that holds it
 * (区商务局 inside 天河区商务局 is part of that spelling).
 */
export function placesOf(text: string, name: string, names: readonly string[]): { start: number; end: number }[] {
  const longer = names.filter((n) => n.length > name.length && n.includes(name));
  const covered: [number, number][] = [];
  for (const n of longer) for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) covered.push([i, i + n.length]);
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
    if (!covered.some(([s, e]) => i >= s && i + name.length <= e)) out.push({ start: i, end: i + name.length });
  }
  return out;
}
