// The names a plan assigns its items to, and the units it writes two ways (区工信局 in one item, 区工业和信息化局 in
// another; 区金融局 in the body, 区金融工作局 in its 分工表): read paragraph by paragraph, each paragraph keeping what it
// names (unitFacts), and gathered over the plan (planSpellings) for the check inconsistent-unit-name. A name the
// plan declares short for another (区工业和信息化局（以下简称区工信局）) is no inconsistency.
import { ownAssignment, ownAssignmentRead, rowAssignment } from './itemAssignment';
import { Block, cellSpans } from './planModel';
import { Assignment, hasUnitChar, isDistrict, isUnitName, mayNameSameUnit, namesNoUnit, sameDistrictOf, Unit } from './responsibility';

/** A unit's name where a paragraph assigns an item to it: offsets into the paragraph. */
export interface UnitMention {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** What a paragraph tells the plan's spellings: the names it assigns, and the short names it declares (以下简称). */
export interface UnitFacts {
  readonly mentions: readonly UnitMention[];
  /** [full name, short name] of each 以下简称 it writes after a unit's name. */
  readonly declared: readonly (readonly [string, string])[];
}

export const NO_UNIT_FACTS: UnitFacts = Object.freeze({ mentions: Object.freeze([]), declared: Object.freeze([]) });

/** A unit's other spellings in the plan, as a paragraph that writes it is told them. */
export interface Spelling {
  /** How many places of the plan assign items to it under this name. */
  readonly uses: number;
  /** The names the plan writes it by elsewhere (mayNameSameUnit, not declared short for each other), with their uses. */
  readonly others: readonly { readonly name: string; readonly uses: number }[];
}

/** For a paragraph: where it writes names that the plan writes another way too, and their spellings. */
export class UnitSpellings {
  private made?: string;

  constructor(
    readonly mentions: readonly UnitMention[],
    readonly of: ReadonlyMap<string, Spelling>,
  ) {}

  /**
   * What tells two such apart: the places and the spellings (a structure is shared by the paragraphs that have the
   * same: StructureWalk.at). Made when first compared: a new plan's paragraphs have nothing to compare with.
   */
  get key(): string {
    return (this.made ??= `${this.mentions.map((m) => m.start).join(',')}:${[...this.of].map(([name, s]) => `${name}=${s.uses}>${s.others.map((o) => `${o.name}=${o.uses}`).join('+')}`).join(',')}`);
  }
}

/** Whether two paragraphs are told the same (either may be told nothing). */
export function sameSpellings(a: UnitSpellings | undefined, b: UnitSpellings | undefined): boolean {
  return a === b || (!!a && !!b && a.key === b.key);
}

/** （以下简称“区工信局”）, (以下简称区工信局), （简称"区工信局"）. */
const SHORT_FOR = /[（(](?:以下)?简称[“"‘'「]?([^”"’'」）)，,、；;]{2,20})[”"’'」]?[）)]/g;
/** How far before 以下简称 a unit's full name may start. */
const FULL_NAME_REACH = 40;

/**
 * What a text must hold for readAssignment to find a unit in it: a role word (牵头, 配合, 会同…), a label's colon or
 * 为 (责任单位为), a closing parenthesis. Most sentences of a plan's prose hold none: they are not read.
 */
const MAY_ASSIGN = /牵头|负责|配合|参与|协助|协办|协同|会同|[：:）)]|(?:单位|部门|主体)为/;

/**
 * What a block's own text or a row's cells assign (lead, co-leads, partners, units without a role; offsets into the
 * block, or into a row's cell of `spans`); undefined when it can assign nothing.
 */
export function blockReading(text: string, block: Block): { read: Assignment; spans?: [number, number][] } | undefined {
  if (block.tableHeader) return undefined;
  const row = block.kind === 'row' && block.cells;
  // most items were read by the plan's walk already, with or without a declaration that the first unit leads (the
  // roles differ, not the names): no need to look for what could name a unit
  let read = row ? undefined : ownAssignmentRead(block, false) ?? ownAssignmentRead(block, true);
  if (!read) {
    if (!hasUnitChar(text, block.start, block.end)) return undefined;
    if (!row && !MAY_ASSIGN.test(text.slice(block.start, block.end))) return undefined;
    read = row ? rowAssignment(block, false) : ownAssignment(text, block, false);
  }
  return { read, spans: row ? cellSpans(text.slice(block.start, block.end)) : undefined };
}

/** Where the paragraph writes a unit of blockReading's (its offset), or undefined when it writes it under another name. */
export function unitPlace(text: string, block: Block, spans: [number, number][] | undefined, u: Unit): number | undefined {
  const start = block.start + (spans ? spans[u.cell ?? 0]?.[0] ?? 0 : 0) + u.start;
  return text.startsWith(u.name, start) ? start : undefined;
}

/** The names of the units a block assigns (blockReading), offsets into the paragraph, added to `into`. */
function addBlockMentions(text: string, block: Block, into: UnitMention[]): void {
  const reading = blockReading(text, block);
  if (!reading) return;
  const { read, spans } = reading;
  if (read.lead) addMention(text, block, spans, read.lead, into);
  if (read.coLeads) for (const u of read.coLeads) addMention(text, block, spans, u, into);
  for (const u of read.partners) addMention(text, block, spans, u, into);
  if (read.named) for (const u of read.named) addMention(text, block, spans, u, into);
}

/** A unit a block's reading gives, where the paragraph writes it (not a name of the reader's making), once. */
function addMention(text: string, block: Block, spans: [number, number][] | undefined, u: Unit, into: UnitMention[]): void {
  if (!isNamedUnit(u.name)) return;
  const start = unitPlace(text, block, spans, u);
  if (start === undefined) return;
  for (let k = 0; k < into.length; k++) if (into[k].start === start) return;
  into.push({ name: u.name, start, end: start + u.name.length });
}

/** The mentions of the paragraph being read (unitFacts), copied out when there are any: most paragraphs have none. */
const found: UnitMention[] = [];

/** A unit in particular, which the plan could write one way: not 各有关部门, not a collective (各区), not a district alone. */
function isNamedUnit(name: string): boolean {
  return !namesNoUnit(name) && !name.startsWith('各') && !isDistrict(name);
}

/** What a paragraph (its text and blocks) tells the plan's spellings. */
export function unitFacts(model: { text: string; blocks: readonly Block[] }): UnitFacts {
  const { text, blocks } = model;
  found.length = 0;
  for (let b = 0; b < blocks.length; b++) addBlockMentions(text, blocks[b], found);
  const mentions = found.length ? found.slice() : undefined;
  found.length = 0;
  let declared: [string, string][] | undefined;
  if (text.includes('简称')) {
    for (const m of text.matchAll(SHORT_FOR)) {
      const short = m[1].trim();
      const full = fullNameBefore(text, m.index!);
      if (full && isUnitName(short)) (declared ??= []).push([full, short]);
    }
  }
  return mentions || declared ? { mentions: mentions ?? NO_UNIT_FACTS.mentions, declared: declared ?? NO_UNIT_FACTS.declared } : NO_UNIT_FACTS;
}

/** The longest unit's name that ends at `end` (right before its 以下简称), without a word the sentence opens it with. */
function fullNameBefore(text: string, end: number): string | undefined {
  for (let start = Math.max(0, end - FULL_NAME_REACH); start < end - 1; start++) {
    // not from inside a word that opens the sentence's clause (同区发展和改革局 of 会同区发展和改革局)
    if (start > 0 && OPENING_WORD.test(text.slice(start - 1, start + 1)) && !OPENING_WORD.test(text.slice(start, start + 1))) continue;
    const name = text.slice(start, end).trim();
    if (!isUnitName(name)) continue;
    // 由区工业和信息化局（以下简称“区工信局”）会同…: the unit is 区工业和信息化局
    const opened = OPENING_WORD.exec(name);
    if (opened && isUnitName(name.slice(opened[0].length))) return name.slice(opened[0].length);
    // 各项任务由区市场监督管理局（以下简称“区市场监管局”）…: the unit the word before it leads into
    for (const m of name.matchAll(LEADS_INTO)) {
      const unit = name.slice(m.index! + m[0].length);
      if (m.index! > 0 && isUnitName(unit)) return unit;
    }
    return name;
  }
  return undefined;
}

/** A word a sentence puts before the unit it names: 由, 请, 会同, 联合, minutes' 听取, 责成, … (no unit's name starts so). */
const OPENING_WORD = /^(?:由|请|并|和|及|与|会同|联合|协同|指导|督促|推动|支持|依托|听取|责成|要求)/;
/**
 * Within a sentence, the words that lead into the unit after them: 由 and 请 before any name (由区…, 请市…, 本方案由某市空港
 * 经济区管理委员会…; not 自由 nor 申请, inside names), 会同, 联合 and 协同 (which names hold too: 工商业联合会, 协同创新中心)
 * before a level.
 */
const LEADS_INTO = /(?:(?<![自理缘经])由|(?<![申提邀])请)(?=\p{Script=Han})|(?:会同|联合|协同)(?=[区市县省])/gu;

/** The last plan's paragraphs' facts (those that have any) and the spellings made of them. */
let lastPlan: { facts: readonly UnitFacts[]; given: string; made: PlanSpellings } | undefined;

/**
 * The plan's spellings of its units, from its paragraphs' facts (a keystroke most often leaves them as they were: then
 * the last plan's, which keeps what it told each paragraph, so that an unchanged paragraph is told the same object).
 */
export function planSpellings(
  paragraphs: readonly { result: { model: { text: string; blocks: readonly Block[] }; unitFacts?: UnitFacts } }[],
  /** The lead units its 分工表 names when that is a file of its own (PlanAnnex): they count as the plan's own. */
  annexLeads: readonly string[] = [],
  /** The districts the plan's title names (titleDistricts): another district's unit is none of the plan's. */
  own: readonly string[] = [],
): PlanSpellings {
  // compared with the last plan's as they are read: nothing is made while they are the same (a keystroke)
  // what it is given besides the paragraphs: the 分工表 file's leads and the title's districts
  const given = annexLeads.join('\u0001') + '\u0002' + own.join('\u0001');
  const last = lastPlan?.given === given ? lastPlan : undefined;
  let facts: UnitFacts[] | undefined;
  let k = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const result = paragraphs[i].result;
    const f = (result.unitFacts ??= unitFacts(result.model));
    if (f === NO_UNIT_FACTS) continue;
    if (!facts && last?.facts[k] !== f) facts = last ? last.facts.slice(0, k) : [];
    if (facts) facts.push(f);
    k++;
  }
  if (last && !facts && k === last.facts.length) return last.made;
  facts ??= last ? last.facts.slice(0, k) : [];
  let made = new PlanSpellings(facts, annexLeads, own);
  if (lastPlan && made.sameAs(lastPlan.made)) made = lastPlan.made;
  lastPlan = { facts, given, made };
  return made;
}

/** What a paragraph none of whose names the plan writes another way is told, as PlanSpellings keeps it. */
const TOLD_NOTHING = new UnitSpellings([], new Map());

/** The plan's spellings of its units, from every paragraph's facts: told to each paragraph that writes one of them. */
export class PlanSpellings {
  private readonly uses = new Map<string, number>();
  /** The declarations and the title's districts, as a string: with the names, what the variants are made of. */
  private readonly madeOf: string;
  /** By name: the plan's other names that may name the same unit (made once per set of names: see `variantsOf`). */
  private readonly variants: ReadonlyMap<string, readonly string[]>;
  /** What each paragraph's facts were told (TOLD_NOTHING: nothing). */
  private readonly told = new WeakMap<UnitFacts, UnitSpellings>();

  constructor(facts: readonly UnitFacts[], annexLeads: readonly string[] = [], own: readonly string[] = []) {
    const declared: (readonly [string, string])[] = [];
    for (const f of facts) {
      for (const m of f.mentions) this.uses.set(m.name, (this.uses.get(m.name) ?? 0) + 1);
      for (const d of f.declared) declared.push(d);
    }
    for (const name of annexLeads) if (isNamedUnit(name)) this.uses.set(name, (this.uses.get(name) ?? 0) + 1);
    this.madeOf = declared.map((d) => d.join('\u0001')).join('\u0002') + '\u0003' + own.join('\u0001');
    this.variants = variantsOf([...this.uses.keys()], declared, this.madeOf, own);
  }

  /** The same names, each as many times, and the same declarations: what it tells a paragraph is what `other` told it. */
  sameAs(other: PlanSpellings): boolean {
    if (this.uses.size !== other.uses.size || this.madeOf !== other.madeOf) return false;
    for (const [name, n] of this.uses) if (other.uses.get(name) !== n) return false;
    return true;
  }

  /** What paragraph `facts` is told: undefined when none of its names is written another way. */
  of(facts: UnitFacts): UnitSpellings | undefined {
    if (!facts.mentions.length || !this.variants.size) return undefined;
    let told = this.told.get(facts);
    if (!told) this.told.set(facts, (told = this.make(facts) ?? TOLD_NOTHING));
    return told === TOLD_NOTHING ? undefined : told;
  }

  private make(facts: UnitFacts): UnitSpellings | undefined {
    let of: Map<string, Spelling> | undefined;
    let mentions: UnitMention[] | undefined;
    for (const m of facts.mentions) {
      const others = this.variants.get(m.name);
      if (!others) continue;
      (mentions ??= []).push(m);
      if (!of?.has(m.name)) (of ??= new Map()).set(m.name, { uses: this.uses.get(m.name)!, others: others.map((name) => ({ name, uses: this.uses.get(name)! })) });
    }
    return of && mentions ? new UnitSpellings(mentions, of) : undefined;
  }
}

/** The most names a plan's units are compared among: a district's plan names a few dozen units, a city's a hundred or so. */
const MAX_NAMES = 400;
const NO_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map();

/** The last set of names and declarations, and their variants: an edit rarely changes which names a plan writes. */
let lastVariants: { key: string; made: ReadonlyMap<string, readonly string[]> } = { key: '', made: new Map() };

/**
 * By name: the other names of `names` that may name the same unit, but for a name declared short for the other
 * (`declared`; `madeOf` writes it with `own`) and another district's unit (南沙区金融工作局 is not a 天河区 plan's
 * 区金融局: sameDistrictOf, with the districts `own` of the plan's title).
 */
function variantsOf(names: readonly string[], declared: readonly (readonly [string, string])[], madeOf: string, own: readonly string[] = []): ReadonlyMap<string, readonly string[]> {
  // every pair is compared: a text of thousands of names (no plan's) would take seconds on each change of them
  if (names.length > MAX_NAMES) return NO_VARIANTS;
  const key = `${names.join('\u0001')}\u0003${madeOf}`;
  if (key === lastVariants.key) return lastVariants.made;
  const shortFor = new Set(declared.map(([full, short]) => `${full}\u0001${short}`));
  const excused = (a: string, b: string) => shortFor.has(`${a}\u0001${b}`) || shortFor.has(`${b}\u0001${a}`);
  const made = new Map<string, string[]>();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i], names[j]];
      // 天河区商务局 and 区商务局 are the same unit, written with and without its place: neither a slip (but 商务局 for
      // 区商务局 leaves out only the level, which says whose bureau it is)
      if (withPlace(a, b) || withPlace(b, a) || !mayNameSameUnit(a, b) || excused(a, b) || !sameDistrictOf(a, b, own)) continue;
      (made.get(a) ?? made.set(a, []).get(a)!).push(b);
      (made.get(b) ?? made.set(b, []).get(b)!).push(a);
    }
  }
  lastVariants = { key, made };
  return made;
}

/** Whether `longer` is `shorter` with a place written before it (天河区商务局, 区商务局), not a level alone (区商务局, 商务局). */
function withPlace(longer: string, shorter: string): boolean {
  return longer.endsWith(shorter) && !LEVEL_ALONE.test(longer.slice(0, longer.length - shorter.length));
}
const LEVEL_ALONE = /^[区市县省镇]$/;

/**
 * The spelling a name should give way to, if any: of its other names, the one the plan uses most, when it uses that
 * more than this one (or as often, and it is the longer: the full name over a short one).
 */
export function preferredOver(name: string, spelling: Spelling): { name: string; uses: number } | undefined {
  let best: { name: string; uses: number } | undefined;
  for (const o of spelling.others) {
    if (!best || o.uses > best.uses || (o.uses === best.uses && o.name.length > best.name.length)) best = o;
  }
  if (!best) return undefined;
  return best.uses > spelling.uses || (best.uses === spelling.uses && best.name.length > name.length) ? best : undefined;
}
