// The pilot areas of a source: a category that opens with 在 and a place (在黄埔区（广州开发区、广州高新区、中新广州知识城）
// 强化多点支撑…, 在空港经济区全力建设…) binds its tasks to that area; a plan that puts such a task somewhere else claims a
// pilot the source gave another area. Read from the tasks' categories (data/), so nothing here names a place: only the
// generic words around one (the verbs a category goes on with, the endings of a zone's name).

/** An area the source assigns tasks to, with every name a plan may write it by. */
export interface PilotArea {
  /** As the source writes it, with the other names it gives in brackets: 黄埔区（广州开发区、广州高新区、中新广州知识城）. */
  title: string;
  /** Its names, longest first: the source's, each without its source's city (知识城), and a zone's own name (琶洲, 黄埔). */
  names: string[];
  /** The tasks filed under it. */
  tasks: Set<string>;
}

/** The verbs a category goes on with after its area (在天河中央商务区深化打造…). */
const VERBS = '加快|深化|强化|全力|打造|建设|推进|推动|着力|大力|积极|聚焦|发展|开展|构建|探索|支持|培育|创建|实施|落实|率先|高标准|高水平|高质量';
/**
 * 在, the area (no punctuation in it), the other names it goes by in brackets (one of them may hold brackets of its
 * own: 中国（湖北）自由贸易试验区武汉片区), then a verb.
 */
const AREA_CATEGORY = new RegExp(`^在([^（()）\\s，,、；;。：:]{2,24}?)(?:[（(]((?:[^（()）]|[（(][^（()）]{1,10}[）)]){2,80})[）)])?(?=${VERBS})`);
/** The kind of zone a name ends with; what stands before it is the zone's own name (天河中央商务区, 空港经济区, 黄埔区). */
const ZONE_ENDING = /(?:中央商务区|商务区|经济区|核心区|试验区|示范区|开发区|高新区|自贸区|新区|片区|园区|区)$/;
/** A zone's ending a plan writes after an area's name (南沙新区, 天河区): part of the place written. */
const ZONE_AFTER = /^(?:中央商务区|商务区|经济区|核心区|试验区|示范区|开发区|高新区|新区|片区|园区|区)/;

/**
 * An area's name that text[at] opens with, as the text writes it: with the zone's ending that follows it (南沙 of 南沙新区
 * is 南沙新区, 天河 of 天河区 is 天河区), a name that ends with 区 as it is.
 */
export function nameAsWritten(text: string, at: number, name: string): string {
  if (name.endsWith('区')) return name;
  const after = at + name.length;
  return name + (ZONE_AFTER.exec(text.slice(after, after + 5))?.[0] ?? '');
}

/** A zone's own name without its ending is a name of its own when it is this short (琶洲, 黄埔, 天河): longer is a phrase. */
const MAX_STEM = 3;

/**
 * The place a category is set in, if it opens with one (在黄埔区（广州开发区、广州高新区、中新广州知识城）强化…): the place,
 * and the other names the brackets after it give.
 */
export function categoryPlace(category: string): { place: string; others: string[] } | undefined {
  const m = AREA_CATEGORY.exec(category);
  if (!m || NO_PLACE.test(m[1])) return undefined;
  return { place: m[1], others: m[2] ? m[2].split(/[、，,]/).map((n) => n.trim()).filter(Boolean) : [] };
}

/** What 在 opens that is a scope, not a place: 在全市范围内, 在各区, 在本区, 在重点领域, 在有条件的地区. */
const NO_PLACE = /^(?:全|各|本|有条件|符合条件|重点|相关|有关)|范围|领域|地区|区域|方面|基础上|前提/;

/** The city a source is about, as its title opens (广州市服务业扩大开放综合试点总体方案 → 广州), if it names one. */
export function cityOf(title: string): string | undefined {
  return /^([\u4e00-\u9fff]{2,4}?)市/.exec(title.replace(/\s/g, ''))?.[1];
}

/** A place's name as written after the city in it (中新广州知识城 → 知识城, 广州南沙 → 南沙), if two characters or more are left. */
export function afterCity(name: string, city: string | undefined): string | undefined {
  const at = city ? name.indexOf(city) : -1;
  return at >= 0 && name.length - at - city!.length >= 2 ? name.slice(at + city!.length) : undefined;
}

/** A source as the areas are read from it: its title (for its city) and its tasks. */
export interface AreaSource {
  meta: { title: string };
  tasks: readonly { id: string; category: string; text: string }[];
}

/**
 * The pilot areas of the sources' categories; a name two areas share (neither's alone) is dropped from both. A task of
 * no such category whose own text names one area of its source, and no other, is that area's too (推进南沙新区港澳涉税专业资格互认试点,
 * 在中新广州知识城开展……): a name as the source gives it, or a zone's own name with its ending after it (南沙新区).
 */
export function pilotAreas(sources: readonly AreaSource[]): PilotArea[] {
  const areas = categoryAreas(sources);
  for (const source of sources) {
    // the areas of the source's own categories: another source's task may name a place of this one's
    const own = areas.filter((a) => source.tasks.some((t) => a.tasks.has(t.id)));
    for (const t of source.tasks) {
      if (own.some((a) => a.tasks.has(t.id))) continue;
      const named = own.filter((a) => namesArea(t.text, a));
      if (named.length === 1) named[0].tasks.add(t.id);
    }
  }
  // each area's tasks in the sources' order (表2第16项 before 表3第9项), as the messages list them
  const order = sources.flatMap((s) => s.tasks.map((t) => t.id));
  for (const area of areas) area.tasks = new Set(order.filter((id) => area.tasks.has(id)));
  return areas;
}

/** Whether a text names an area: one of its names the source gives, or a zone's own name with its ending (南沙新区). */
function namesArea(text: string, area: PilotArea): boolean {
  for (const name of area.names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (name.length > MAX_STEM || ZONE_ENDING.test(name) || nameAsWritten(text, at, name) !== name) return true;
    }
  }
  return false;
}

function categoryAreas(sources: readonly AreaSource[]): PilotArea[] {
  const byTitle = new Map<string, PilotArea>();
  for (const source of sources) {
    const city = cityOf(source.meta.title);
    for (const t of source.tasks) {
      const found = categoryPlace(t.category);
      if (!found) continue;
      const title = found.others.length ? `${found.place}（${found.others.join('、')}）` : found.place;
      let area = byTitle.get(title);
      if (!area) byTitle.set(title, (area = { title, names: namesOf([found.place, ...found.others], city), tasks: new Set() }));
      area.tasks.add(t.id);
    }
  }
  const areas = [...byTitle.values()];
  const owners = new Map<string, number>();
  for (const a of areas) for (const n of a.names) owners.set(n, (owners.get(n) ?? 0) + 1);
  for (const a of areas) a.names = a.names.filter((n) => owners.get(n) === 1).sort((x, y) => y.length - x.length);
  return areas.filter((a) => a.names.length);
}

/** Every name of an area from the names the source gives it, and the source's city. */
function namesOf(given: readonly string[], city: string | undefined): string[] {
  const names = new Set<string>();
  for (const raw of given) {
    const name = raw.trim();
    if (name.length < 2) continue;
    names.add(name);
    const own = afterCity(name, city) ?? name;
    // a zone within a zone (人工智能与数字经济试验区琶洲核心区) is the innermost one: the outer may span other areas
    const zones = own.match(/[^区]+区|[^区]+$/g) ?? [own];
    const last = zones[zones.length - 1];
    for (const n of zones.length > 1 ? [last] : [own]) {
      const stem = n.replace(ZONE_ENDING, '');
      if (stem.length >= 2 && stem !== n && stem.length <= MAX_STEM) names.add(stem);
      if (stem.length >= 2) names.add(n);
    }
  }
  return [...names];
}
