/**
 * A deterministic synthetic briefing dataset of any size, for load tests and demos.
 *
 * `generateDataset({ records, seed })` is pure: the same options give the same dataset, and so
 * byte-identical JSON. It uses only a seeded PRNG and IEEE arithmetic (+ − × ÷, sqrt), no
 * transcendental functions, so the output does not depend on the engine's Math.log or Math.pow.
 *
 * "records" counts events + quotes + aid items + discrepancies (about 40 / 40 / 15 / 5 %); sources
 * and actors grow sub-linearly. Every source carries its text inline. Each record writes one short
 * sentence into the source whose publication date follows the record's date, and cites it, so every
 * excerpt is a verbatim substring and no text grows without bound. Wire copy is reposted verbatim by
 * blog and aggregator outlets, which gives a second citation; some records are also reported in
 * different words by a second outlet.
 *
 * The skew is deliberate: actors and outlets follow a Zipf-like law (a few very active), dates
 * cluster around a few dozen story peaks across 2022–2026, most dates are exact days with some
 * months, weekdays ("Tuesday") and approximate wordings ("mid-May 2023").
 */
import type { DatasetInput } from '../dataset/schema';

type SourceIn = DatasetInput['sources'][number];
type ActorIn = DatasetInput['actors'][number];
type EventIn = DatasetInput['events'][number];
type QuoteIn = DatasetInput['quotes'][number];
type AidIn = DatasetInput['aid'][number];
type DiscrepancyIn = DatasetInput['discrepancies'][number];
type CitationIn = EventIn['citations'][number];
type FuzzyDateIn = EventIn['date'];
type Precision = FuzzyDateIn['precision'];
type EventKind = EventIn['kind'];
type SourceKind = SourceIn['kind'];
type OutletEvidence = SourceIn['outletEvidence'];
type AidStatus = AidIn['status'];
type DiscrepancyKind = DiscrepancyIn['kind'];

export interface GenerateOptions {
  /** Events + quotes + aid items + discrepancies. */
  records: number;
  /** Any safe integer; the same seed gives the same dataset. */
  seed: number;
}

/** How many of each record type `generateDataset` makes for a given total. */
export function plannedCounts(records: number): {
  sources: number;
  actors: number;
  events: number;
  quotes: number;
  aid: number;
  discrepancies: number;
} {
  const [events, quotes, aid, discrepancies] = apportion(records, [0.4, 0.4, 0.15, 0.05]);
  return {
    sources: Math.min(400, Math.max(5, Math.floor(records / 200))),
    actors: Math.min(1500, Math.max(10, Math.floor(records / 100))),
    events,
    quotes,
    aid,
    discrepancies,
  };
}

/** Largest-remainder split of `total` by `shares`: the parts always add up to `total`. */
function apportion(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => total * s);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Randomness

function hashSeed(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x100000000) >>> 0;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ hi, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 with a few helpers. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = hashSeed(seed) | 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  /** Roughly standard normal (Irwin–Hall of four uniforms). */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508075688772;
  }
  /** Failures before the first miss at continuation probability p, at most max. */
  geometric(p: number, max: number): number {
    let k = 0;
    while (k < max && this.next() < p) k++;
    return k;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}

/** Sampling from fixed weights by binary search over the cumulative sums. */
class Table {
  private readonly cum: Float64Array;
  readonly size: number;
  constructor(weights: readonly number[]) {
    this.size = weights.length;
    this.cum = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => {
      total += w;
      this.cum[i] = total;
    });
  }
  /** Weights 1/(rank + offset): a Zipf law with exponent 1. */
  static zipf(n: number, offset = 1): Table {
    return new Table(Array.from({ length: n }, (_, i) => 1 / (i + offset)));
  }
  sample(rng: Rng): number {
    const cum = this.cum;
    const r = rng.next() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar: day numbers 0 … SPAN-1 from 2022-01-01 to 2026-12-31, strings cached once.

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2022, 0, 1);
const SPAN = (Date.UTC(2026, 11, 31) - START_MS) / DAY_MS + 1;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Calendar {
  iso: string[];
  month: string[];
  year: string[];
  /** "12 May 2023" */
  long: string[];
  /** "May 2023" */
  monthLong: string[];
  weekday: string[];
  dom: number[];
}

let calendarCache: Calendar | undefined;
function calendar(): Calendar {
  if (calendarCache) return calendarCache;
  const c: Calendar = { iso: [], month: [], year: [], long: [], monthLong: [], weekday: [], dom: [] };
  for (let d = 0; d < SPAN; d++) {
    const date = new Date(START_MS + d * DAY_MS);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    const dom = date.getUTCDate();
    const ym = `${y}-${String(m + 1).padStart(2, '0')}`;
    c.iso.push(`${ym}-${String(dom).padStart(2, '0')}`);
    c.month.push(ym);
    c.year.push(String(y));
    c.long.push(`${dom} ${MONTHS[m]} ${y}`);
    c.monthLong.push(`${MONTHS[m]} ${y}`);
    c.weekday.push(WEEKDAYS[date.getUTCDay()]);
    c.dom.push(dom);
  }
  calendarCache = c;
  return c;
}

const clampDay = (d: number) => (d < 0 ? 0 : d >= SPAN ? SPAN - 1 : d);

/** A fuzzy date and the words a text would use for it, capitalised and mid-sentence. */
interface Dated {
  date: FuzzyDateIn;
  cap: string;
  low: string;
}

type PrecisionWeights = readonly (readonly [Precision, number])[];
const RECORD_PRECISION: PrecisionWeights = [
  ['day', 74],
  ['weekday', 8],
  ['month', 8],
  ['approximate', 8],
  ['year', 2],
];
const PUBLISHED_PRECISION: PrecisionWeights = [
  ['day', 88],
  ['weekday', 4],
  ['month', 4],
  ['approximate', 3],
  ['year', 1],
];

function dated(rng: Rng, cal: Calendar, d: number, weights: PrecisionWeights): Dated {
  const precision = rng.weighted(weights);
  switch (precision) {
    case 'day':
      return { date: { value: cal.iso[d], precision }, cap: `On ${cal.long[d]}`, low: `on ${cal.long[d]}` };
    case 'weekday': {
      const as = cal.weekday[d];
      return { date: { value: cal.iso[d], precision, as }, cap: `On ${as}`, low: `on ${as}` };
    }
    case 'month':
      return { date: { value: cal.month[d], precision }, cap: `In ${cal.monthLong[d]}`, low: `in ${cal.monthLong[d]}` };
    case 'year':
      return { date: { value: cal.year[d], precision }, cap: `In ${cal.year[d]}`, low: `in ${cal.year[d]}` };
    case 'approximate': {
      if (rng.chance(0.4)) {
        const as = `around ${cal.long[d]}`;
        return { date: { value: cal.iso[d], precision, as }, cap: `Around ${cal.long[d]}`, low: as };
      }
      const dom = cal.dom[d];
      const part = dom <= 10 ? 'early' : dom <= 20 ? 'mid-' : 'late';
      const as = part === 'mid-' ? `mid-${cal.monthLong[d]}` : `${part} ${cal.monthLong[d]}`;
      return { date: { value: cal.iso[d], precision, as }, cap: `In ${as}`, low: `in ${as}` };
    }
  }
}

const exactDay = (cal: Calendar, d: number): FuzzyDateIn => ({ value: cal.iso[d], precision: 'day' });

// ---------------------------------------------------------------------------------------------
// Vocabulary

// prettier-ignore
const TOPICS = [
  'the grain corridor', 'air defence deliveries', 'the prisoner exchange', 'the nuclear plant',
  'Black Sea shipping', 'the new sanctions package', 'long-range missiles', 'pilot training',
  'strikes on energy infrastructure', 'ceasefire talks', 'alliance membership', 'frozen assets',
  'the tank coalition', 'drone production', 'the border incursion', 'the bridge attack',
  'the dam collapse', 'artillery ammunition', 'the peace summit', 'the reconstruction conference',
  'mobilisation', 'the counteroffensive', 'the eastern front', 'the southern front',
  'accession talks', 'the mutiny', 'the gas transit deal', 'the minerals agreement',
  'security guarantees', 'the air campaign', 'naval drones', 'the peninsula strikes',
  'the border region', 'refugee support', 'war crimes investigations', 'the fleet withdrawal',
  'winter energy aid', 'the air defence coalition', 'the contact group', 'the capital talks',
];

// prettier-ignore
const STATES = [
  'United States', 'Russia', 'Ukraine', 'United Kingdom', 'Germany', 'France', 'Poland', 'China',
  'Turkey', 'Italy', 'Canada', 'Japan', 'Netherlands', 'Sweden', 'Finland', 'Norway', 'Denmark',
  'Estonia', 'Latvia', 'Lithuania', 'Romania', 'Moldova', 'Belarus', 'Hungary', 'Slovakia',
  'Czech Republic', 'Spain', 'Belgium', 'Austria', 'Switzerland', 'India', 'Iran', 'North Korea',
  'Israel', 'Georgia', 'Kazakhstan', 'Bulgaria', 'Greece', 'Portugal', 'Australia',
];
const STATE_ALIASES: Record<string, string[]> = {
  'United States': ['US', 'U.S.'],
  'United Kingdom': ['UK', 'Britain'],
  Russia: ['Russian Federation'],
  'Czech Republic': ['Czechia'],
  Turkey: ['Türkiye'],
  Netherlands: ['Holland'],
};
/** Spellings that take "the" in running text. */
const WITH_ARTICLE = new Set([
  'United States',
  'US',
  'U.S.',
  'United Kingdom',
  'UK',
  'Netherlands',
  'Czech Republic',
  'Russian Federation',
  'European Commission',
  'EU Commission',
  'United Nations',
  'UN',
  'IAEA',
  'OSCE',
  'International Criminal Court',
  'ICC',
  'UN nuclear watchdog',
]);
/** States that do not appear as donors to the main recipient. */
const NOT_DONORS = new Set(['Russia', 'Ukraine', 'Belarus', 'Iran', 'North Korea', 'China']);

const MULTILATERAL: readonly { name: string; role: string; affiliation: string; aliases: string[] }[] = [
  { name: 'NATO', role: 'military alliance', affiliation: 'NATO', aliases: ['the Alliance'] },
  { name: 'European Commission', role: 'EU executive', affiliation: 'EU', aliases: ['EU Commission'] },
  { name: 'United Nations', role: 'international organisation', affiliation: 'UN', aliases: ['UN'] },
  { name: 'IAEA', role: 'nuclear watchdog', affiliation: 'UN', aliases: ['UN nuclear watchdog'] },
  { name: 'OSCE', role: 'security organisation', affiliation: 'OSCE', aliases: [] },
  { name: 'International Criminal Court', role: 'court', affiliation: 'ICC', aliases: ['ICC'] },
];
// prettier-ignore
const BODIES = [
  'Ministry of Defence', 'Foreign Ministry', 'Presidential Office', 'General Staff', 'Parliament',
  'Security Service', 'Energy Ministry', 'Finance Ministry',
];

// prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Ivan', 'Olena', 'Mark', 'Sofia', 'Pavel', 'Maria', 'Oleksiy', 'James', 'Karin', 'Dmitry',
  'Yulia', 'Thomas', 'Ewa', 'Andriy', 'Claire', 'Sergei', 'Natalia', 'Piotr', 'Laura', 'Viktor',
  'Irina', 'Lukas', 'Marta', 'Mykola', 'Helen', 'Boris', 'Kateryna', 'Jonas', 'Elena', 'Denys',
  'Sarah', 'Fyodor', 'Ilona', 'Henrik', 'Daria', 'Tomas', 'Alina', 'Robert', 'Vera', 'Taras',
  'Emma', 'Grigory', 'Lina', 'Stefan', 'Oksana', 'Michael', 'Zofia', 'Roman', 'Julia',
];
// prettier-ignore
const NAME_STEMS = [
  'Pe', 'Ko', 'Ma', 'Ser', 'Vo', 'Lu', 'Ni', 'Ta', 'Ha', 'Bo', 'Ze', 'Ry', 'Da', 'Mi', 'Sto', 'Kra',
  'Le', 'Pa', 'Ro', 'Go', 'Shev', 'Bel', 'Yar', 'Kuz', 'Ost',
];
// prettier-ignore
const NAME_ENDS = [
  'trov', 'lenko', 'rchuk', 'hov', 'nsky', 'vic', 'ski', 'berg', 'mann', 'son', 'ley', 'rini',
  'tti', 'dou', 'vets', 'zuk', 'nov', 'shyn', 'ter', 'ens', 'chenko', 'yev', 'ak', 'lin',
];
const PERSON_ROLES: readonly (readonly [string, number])[] = [
  ['foreign minister', 8],
  ['defence minister', 8],
  ['president', 3],
  ['prime minister', 3],
  ['spokesperson', 12],
  ['ambassador', 8],
  ['national security adviser', 3],
  ['army commander', 5],
  ['member of parliament', 14],
  ['senator', 6],
  ['envoy', 6],
  ['analyst', 10],
  ['governor', 6],
  ['deputy minister', 8],
];

// prettier-ignore
const OUTLET_PLACES = [
  'Harbor', 'Northern', 'Meridian', 'Continental', 'Eastern', 'Atlantic', 'Baltic', 'Capital',
  'Riverside', 'Summit', 'Granite', 'Lakeside', 'Central', 'Coastal', 'Highland', 'Pacific',
  'Union', 'Liberty', 'Pioneer', 'Crescent', 'Beacon', 'Frontier', 'Keystone', 'Silver',
];
const OUTLET_FORMS: Record<SourceKind, readonly string[]> = {
  wire: ['Press Agency', 'Wire', 'News Service'],
  'news-site': ['Ledger', 'Herald', 'Courier', 'Chronicle', 'Post', 'Times', 'Gazette', 'Tribune'],
  aggregator: ['Digest', 'Brief', 'Roundup', 'Pulse', 'Feed'],
  'blog-repost': ['Watch', 'Notes', 'Monitor', 'Dispatches'],
  opinion: ['Review', 'Commentary', 'Forum', 'Perspective'],
};
const CITIES = ['KYIV', 'MOSCOW', 'WASHINGTON', 'BRUSSELS', 'LONDON', 'BERLIN', 'WARSAW', 'PARIS'];
const TRANSLATED_FROM = ['Ukrainian', 'Russian', 'German', 'Polish', 'French'];

const EVENT_KINDS: readonly (readonly [EventKind, number])[] = [
  ['call', 4],
  ['summit', 5],
  ['announcement', 17],
  ['strike', 12],
  ['appointment', 5],
  ['legal', 6],
  ['statement', 22],
  ['interview', 10],
  ['deployment', 9],
  ['other', 10],
];
const EVENT_WORDS: Record<EventKind, { label: string; verbs: readonly string[] }> = {
  call: { label: 'call', verbs: ['held a phone call about', 'spoke by phone about'] },
  summit: { label: 'summit', verbs: ['met at a summit on', 'held summit talks on'] },
  announcement: { label: 'announcement', verbs: ['announced new measures on', 'announced a decision on'] },
  strike: { label: 'strike report', verbs: ['reported strikes linked to', 'reported a strike tied to'] },
  appointment: { label: 'appointment', verbs: ['named a new envoy for', 'appointed a coordinator for'] },
  legal: { label: 'legal action', verbs: ['filed a legal case over', 'opened an inquiry into'] },
  statement: { label: 'statement', verbs: ['issued a statement on', 'released a statement about'] },
  interview: { label: 'interview', verbs: ['gave an interview about', 'spoke to reporters about'] },
  deployment: { label: 'deployment', verbs: ['confirmed a deployment for', 'announced a troop rotation for'] },
  other: { label: 'meeting', verbs: ['discussed', 'met to discuss'] },
};

// prettier-ignore
const DIRECT_QUOTES = [
  'We will not back down on {t}.', 'Our position on {t} has not changed.',
  'There is no agreement yet on {t}.', 'We expect progress on {t} within {n} weeks.',
  'The talks on {t} were constructive.', 'We are ready to discuss {t}.',
  'The reports about {t} are false.', 'We need more support on {t}.',
  'Nothing has been decided on {t}.', 'We will respond to any escalation over {t}.',
  'We have {n} proposals on {t}.', 'Time is running out on {t}.',
];
// prettier-ignore
const PARAPHRASES = [
  'talks on {t} had stalled', 'more help on {t} was coming', 'there was no movement on {t}',
  'a deal on {t} was close', 'the reports about {t} were inaccurate',
  'no decision on {t} had been made', '{n} partners backed the plan on {t}',
];
const SETTINGS = ['briefing', 'press conference', 'televised address', 'forum', 'news conference'];

const PACKAGE_MILLIONS = [
  25, 50, 60, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300, 325, 400, 425, 500, 600, 725, 800, 1000, 1300, 1700, 2000, 2500, 3000, 6000,
];
// prettier-ignore
const WEAPONS = [
  'air defence batteries', 'NASAMS launchers', '155mm shells', 'HIMARS launchers', 'battle tanks',
  'infantry fighting vehicles', 'counter-drone systems', 'ballistic missiles', 'cruise missiles',
  'IRIS-T systems', 'Stinger missiles', 'Javelin missiles', 'armoured carriers', 'demining kits',
  'generators', 'ambulances', 'radar systems', 'fighter jets', 'patrol boats', 'howitzers',
];
const STRIKE_WEAPONS = ['long-range missiles', 'cruise missiles', 'ballistic missiles', 'attack drones'];
const DEPLOY_PLACES = ['the Baltic states', 'the eastern flank', 'the Black Sea region'];

// ---------------------------------------------------------------------------------------------

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function money(millions: number): string {
  return millions >= 1000 ? `$${millions / 1000} billion` : `$${millions} million`;
}

function idMaker(prefix: string, count: number): (i: number) => string {
  const width = Math.max(3, String(count).length);
  return (i) => `${prefix}-${String(i + 1).padStart(width, '0')}`;
}

/** Spellings a transliteration might produce for a surname; the first that changes it wins. */
const RESPELL: readonly (readonly [RegExp, string])[] = [
  [/nsky$/, 'nski'],
  [/chenko$/, 'tchenko'],
  [/chuk$/, 'tchouk'],
  [/shyn$/, 'shin'],
  [/ov$/, 'off'],
  [/yev$/, 'yeff'],
  [/enko$/, 'enco'],
  [/v/, 'w'],
  [/k/, 'kh'],
  [/y/, 'i'],
];

function personAliases(rng: Rng, first: string, last: string): string[] {
  const out: string[] = [];
  const rule = RESPELL.find(([re]) => re.test(last));
  if (rule) out.push(`${first} ${last.replace(rule[0], rule[1])}`);
  if (out.length === 0 || rng.chance(0.35)) out.push(`${first.charAt(0)}. ${last}`);
  return out;
}

function fill(template: string, topic: string, n: number): string {
  return template.replace('{t}', topic).replace('{n}', String(n));
}

// ---------------------------------------------------------------------------------------------

export function generateDataset({ records, seed }: GenerateOptions): DatasetInput {
  if (!Number.isSafeInteger(records) || records < 0) {
    throw new RangeError(`records must be a non-negative integer, got ${records}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);

  const rng = new Rng(seed);
  const cal = calendar();
  const plan = plannedCounts(records);

  // Stories: a few dozen peaks of attention; record dates cluster around them.
  const nStories = Math.min(TOPICS.length, Math.max(5, Math.round(Math.sqrt(records) / 2.5)));
  const topicOrder = TOPICS.map((t, i) => [rng.next(), i, t] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const stories = Array.from({ length: nStories }, (_, i) => ({
    peak: rng.int(SPAN),
    sigma: rng.between(3, 25),
    topic: topicOrder[i][2],
    core: [] as number[],
    events: [] as number[],
  }));
  const storyTable = Table.zipf(nStories, 2);
  let momentStory = 0;
  /** A day drawn from the bursts (or, one time in eight, from anywhere); sets momentStory. */
  const sampleDay = (): number => {
    if (rng.chance(0.12)) {
      momentStory = rng.int(nStories);
      return rng.int(SPAN);
    }
    momentStory = storyTable.sample(rng);
    const s = stories[momentStory];
    return clampDay(s.peak + Math.round(rng.normal() * s.sigma));
  };

  // Outlets (Zipf) and sources (dated like the records, sorted by date).
  const nSources = plan.sources;
  const nOutlets = Math.min(60, Math.max(3, Math.round(nSources / 5)));
  const outletNames = new Set<string>();
  const outlets = Array.from({ length: nOutlets }, (_, i) => {
    const kind: SourceKind =
      i === 0
        ? 'wire'
        : i === 1
          ? 'news-site'
          : i === 2
            ? 'blog-repost'
            : rng.weighted<SourceKind>([
                ['wire', 10],
                ['news-site', 45],
                ['aggregator', 15],
                ['blog-repost', 15],
                ['opinion', 15],
              ]);
    let name = '';
    for (let attempt = 0; attempt < 20 && (name === '' || outletNames.has(name)); attempt++) {
      const place = rng.pick(OUTLET_PLACES);
      const form = rng.pick(OUTLET_FORMS[kind]);
      name = kind === 'news-site' ? `The ${place} ${form}` : `${place} ${form}`;
    }
    if (outletNames.has(name)) name = `${name} ${i + 1}`;
    outletNames.add(name);
    return { name, kind };
  });
  const outletTable = Table.zipf(nOutlets, 1);

  const drafts = Array.from({ length: nSources }, (_, i) => {
    const day = sampleDay();
    return { i, day, story: momentStory, outlet: outletTable.sample(rng) };
  }).sort((a, b) => a.day - b.day || a.i - b.i);

  const sourceId = idMaker('src', nSources);
  const texts: string[][] = [];
  const reposters: number[][] = [];
  const sourceDay: number[] = [];
  const sources: SourceIn[] = [];
  let lastWire = -1;
  drafts.forEach((draft, i) => {
    const outlet = outlets[draft.outlet];
    const kind = outlet.kind;
    const evidence: OutletEvidence = rng.weighted<OutletEvidence>(
      kind === 'wire'
        ? [
            ['wire-credit', 70],
            ['byline', 30],
          ]
        : kind === 'news-site'
          ? [
              ['byline', 35],
              ['masthead', 30],
              ['follow-line', 25],
              ['not-named', 10],
            ]
          : kind === 'aggregator'
            ? [
                ['follow-line', 40],
                ['hashtag', 30],
                ['masthead', 20],
                ['not-named', 10],
              ]
            : kind === 'blog-repost'
              ? [
                  ['hashtag', 40],
                  ['follow-line', 40],
                  ['not-named', 20],
                ]
              : [
                  ['byline', 60],
                  ['masthead', 30],
                  ['not-named', 10],
                ],
    );
    const header: string[] = [];
    let excerpt: string | undefined;
    switch (evidence) {
      case 'byline':
        excerpt = `By ${rng.pick(FIRST_NAMES)} ${rng.pick(NAME_STEMS)}${rng.pick(NAME_ENDS)}, ${outlet.name}`;
        header.push(excerpt);
        break;
      case 'wire-credit':
        excerpt = `(${outlet.name})`;
        header.push(`${rng.pick(CITIES)} ${excerpt} —`);
        break;
      case 'hashtag':
        excerpt = `#${outlet.name.replace(/[^A-Za-z0-9]/g, '')}`;
        header.push(excerpt);
        break;
      case 'follow-line':
        excerpt = `Follow our coverage on ${outlet.name}`;
        header.push(`${excerpt}.`);
        break;
      case 'masthead':
        excerpt = outlet.name.toUpperCase();
        header.push(excerpt);
        break;
      case 'not-named':
        break;
    }
    let reposts: string[] | undefined;
    if (kind === 'wire') lastWire = i;
    else if ((kind === 'blog-repost' || (kind === 'aggregator' && rng.chance(0.5))) && lastWire >= 0) {
      const wire = outlets[drafts[lastWire].outlet].name;
      reposts = [wire];
      reposters[lastWire].push(i);
      header.push(`Reposted from ${wire}.`);
    }
    const translatedFrom = kind !== 'wire' && rng.chance(0.06) ? rng.pick(TRANSLATED_FROM) : undefined;
    if (translatedFrom) header.push(`Translated from ${translatedFrom}.`);

    const topic = stories[draft.story].topic;
    const published = dated(rng, cal, draft.day, PUBLISHED_PRECISION).date;
    const title =
      kind === 'opinion'
        ? `Opinion: what ${topic} means now`
        : `${capitalise(topic)}: ${rng.pick(['latest', 'what we know', 'live updates', 'analysis', 'key points', 'timeline'])}`;
    const url =
      evidence !== 'not-named' && rng.chance(0.85)
        ? `https://${slug(outlet.name)}.example/${cal.iso[draft.day].slice(0, 7).replace('-', '/')}/${slug(topic)}-${i + 1}`
        : undefined;
    const source: SourceIn = {
      id: sourceId(i),
      title,
      outlet: evidence === 'not-named' ? 'Unnamed outlet' : outlet.name,
      outletEvidence: evidence,
      ...(excerpt !== undefined && { outletExcerpt: excerpt }),
      ...(reposts && { reposts }),
      published,
      ...(translatedFrom && {
        translatedFrom,
        translationNote: `The text says it was translated from ${translatedFrom}.`,
      }),
      kind,
      ...(url && { url }),
    };
    sources.push(source);
    texts.push(header);
    reposters.push([]);
    sourceDay.push(draft.day);
  });

  // The first source published on or after each day.
  const firstAfter = new Int32Array(SPAN);
  for (let d = SPAN - 1, j = nSources; d >= 0; d--) {
    while (j > 0 && sourceDay[j - 1] >= d) j--;
    firstAfter[d] = j;
  }
  /** A source that reports on a day: one of the next few published after it. */
  const pickSource = (day: number): number => {
    const i = firstAfter[day] + rng.geometric(0.55, 8);
    return i < nSources ? i : nSources - 1 - rng.int(Math.min(3, nSources));
  };
  /** A source near the day other than `not` (there are always at least five sources). */
  const otherSource = (day: number, not: number): number => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const s = pickSource(day);
      if (s !== not) return s;
    }
    return not + 1 < nSources ? not + 1 : not - 1;
  };

  /**
   * Writes a sentence into a source near the day and cites it; wire copy is reposted verbatim,
   * and now and then another outlet reports it in other words.
   */
  const cite = (day: number, sentence: string, variant?: () => string): CitationIn[] => {
    const s = pickSource(day);
    texts[s].push(sentence);
    const out: CitationIn[] = [{ source: sources[s].id, excerpt: sentence }];
    const reps = reposters[s];
    if (reps.length > 0 && rng.chance(0.5)) {
      const r = reps[rng.int(reps.length)];
      texts[r].push(sentence);
      out.push({ source: sources[r].id, excerpt: sentence });
    } else if (variant && rng.chance(0.15)) {
      const t = otherSource(day, s);
      const words = variant();
      texts[t].push(words);
      out.push({ source: sources[t].id, excerpt: words });
    }
    return out;
  };

  // Actors: states, then institutions, then people; each kind has its own Zipf table.
  const nActors = plan.actors;
  const nStates = Math.min(STATES.length, Math.max(3, Math.round(nActors * 0.05)));
  const nInstitutions = Math.min(MULTILATERAL.length + BODIES.length * nStates, Math.max(1, Math.round(nActors * 0.12)));
  const nPersons = nActors - nStates - nInstitutions;
  const actorId = idMaker('act', nActors);
  const names: string[] = [];
  const aliases: string[][] = [];
  const kinds: ActorIn['kind'][] = [];
  const roles: string[] = [];
  const affiliations: string[] = [];
  const addActor = (name: string, kind: ActorIn['kind'], role: string, affiliation: string, al: string[]) => {
    names.push(name);
    kinds.push(kind);
    roles.push(role);
    affiliations.push(affiliation);
    aliases.push(al);
  };
  for (let i = 0; i < nStates; i++) addActor(STATES[i], 'state', 'government', STATES[i], STATE_ALIASES[STATES[i]] ?? []);
  for (let i = 0; i < nInstitutions; i++) {
    if (i < MULTILATERAL.length) {
      const m = MULTILATERAL[i];
      addActor(m.name, 'institution', m.role, m.affiliation, m.aliases);
    } else {
      const k = i - MULTILATERAL.length;
      const body = BODIES[Math.floor(k / nStates)];
      const state = STATES[k % nStates];
      addActor(`${body} of ${state}`, 'institution', body.toLowerCase(), state, []);
    }
  }
  const stateTable = Table.zipf(nStates, 1);
  const taken = new Set(names);
  for (let i = 0; i < nPersons; i++) {
    let first = '';
    let last = '';
    for (let attempt = 0; attempt < 50 && (first === '' || taken.has(`${first} ${last}`)); attempt++) {
      first = rng.pick(FIRST_NAMES);
      last = `${rng.pick(NAME_STEMS)}${rng.pick(NAME_ENDS)}`;
    }
    if (taken.has(`${first} ${last}`)) last = `${last}-${i + 1}`;
    taken.add(`${first} ${last}`);
    const affiliation = rng.chance(0.08)
      ? rng.pick(MULTILATERAL.slice(0, Math.min(3, nInstitutions))).affiliation
      : STATES[stateTable.sample(rng)];
    addActor(`${first} ${last}`, 'person', rng.weighted(PERSON_ROLES), affiliation, rng.chance(0.2) ? personAliases(rng, first, last) : []);
  }
  const personBase = nStates + nInstitutions;
  const personTable = nPersons > 0 ? Table.zipf(nPersons, 1) : undefined;
  const institutionTable = Table.zipf(nInstitutions, 1);
  const stateIndex = new Map(STATES.slice(0, nStates).map((s, i) => [s, i]));

  const pickPerson = (): number => (personTable ? personBase + personTable.sample(rng) : stateTable.sample(rng));
  const pickAny = (story: number): number => {
    const core = stories[story].core;
    if (core.length > 0 && rng.chance(0.35)) return core[rng.int(core.length)];
    const r = rng.next();
    if (r < 0.55 && personTable) return pickPerson();
    if (r < 0.85) return stateTable.sample(rng);
    return nStates + institutionTable.sample(rng);
  };
  for (let s = 0; s < nStories; s++) {
    for (let k = 0; k < 3; k++) stories[s].core.push(pickAny(s));
  }
  /** A spelling as running text uses it: "the United States", "the Ministry of Defence of Poland". */
  const inText = (a: number, spelling: string): string =>
    kinds[a] !== 'person' && (WITH_ARTICLE.has(spelling) || BODIES.some((b) => spelling.startsWith(b))) ? `the ${spelling}` : spelling;
  const named = names.map((name, a) => inText(a, name));
  /** The name as this sentence spells it: now and then an alias. */
  const mention = (a: number): string => {
    const al = aliases[a];
    return al.length > 0 && rng.chance(0.15) ? inText(a, al[rng.int(al.length)]) : named[a];
  };

  const actors: ActorIn[] = names.map((name, a) => {
    const day = sampleDay();
    const topic = stories[momentStory].topic;
    const also = aliases[a].length > 0 ? ` (also written ${aliases[a].join(' or ')})` : '';
    const sentence =
      kinds[a] === 'person'
        ? `${name}${also}, ${roles[a]} (${affiliations[a]}), commented on ${topic}.`
        : kinds[a] === 'state'
          ? `The government of ${named[a]}${also} commented on ${topic}.`
          : `A statement from ${named[a]}${also} addressed ${topic}.`;
    return {
      id: actorId(a),
      name,
      kind: kinds[a],
      role: roles[a],
      affiliation: affiliations[a],
      ...(aliases[a].length > 0 && { aliases: aliases[a] }),
      citations: cite(day, sentence),
    };
  });

  // Events.
  const eventId = idMaker('ev', plan.events);
  const eventDay: number[] = [];
  const eventTitle: string[] = [];
  const events: EventIn[] = [];
  for (let i = 0; i < plan.events; i++) {
    const day = sampleDay();
    const story = momentStory;
    const topic = stories[story].topic;
    const kind = rng.weighted(EVENT_KINDS);
    const want = kind === 'call' ? rng.between(2, 3) : kind === 'summit' ? rng.between(2, 5) : rng.chance(0.7) ? 1 : 2;
    const who: number[] = [];
    for (let attempt = 0; who.length < want && attempt < 20; attempt++) {
      const a = pickAny(story);
      if (!who.includes(a)) who.push(a);
    }
    const words = EVENT_WORDS[kind];
    const verb = rng.pick(words.verbs);
    let when = dated(rng, cal, day, RECORD_PRECISION);
    let end: FuzzyDateIn | undefined;
    if (kind === 'summit' && when.date.precision === 'day' && day + 3 < SPAN && rng.chance(0.6)) {
      const last = day + rng.between(1, 3);
      end = exactDay(cal, last);
      when = { date: when.date, cap: `From ${cal.long[day]} to ${cal.long[last]}`, low: `from ${cal.long[day]} to ${cal.long[last]}` };
    }
    const spelled = who.map(mention);
    const title = `${names[who[0]]} ${words.label} on ${topic}`;
    const event: EventIn = {
      id: eventId(i),
      date: when.date,
      ...(end && { end }),
      kind,
      title,
      summary: `${capitalise(words.label)} by ${joinNames(who.map((a) => named[a]))} on ${topic}.`,
      actors: who.map(actorId),
      ...((kind === 'call' || kind === 'summit') && rng.chance(0.5) && { initiatedBy: actorId(who[rng.int(who.length)]) }),
      citations: cite(day, `${when.cap}, ${joinNames(spelled)} ${verb} ${topic}.`, () =>
        capitalise(`${joinNames(spelled)} ${verb} ${topic} ${when.low}.`),
      ),
    };
    events.push(event);
    eventDay.push(day);
    eventTitle.push(title);
    stories[story].events.push(i);
  }

  // Quotes: people speaking, often at one of their story's events.
  const quoteId = idMaker('q', plan.quotes);
  const quoteSpeaker: number[] = [];
  const quoteDay: number[] = [];
  const quoteTopic: string[] = [];
  const quotes: QuoteIn[] = [];
  for (let i = 0; i < plan.quotes; i++) {
    let day = sampleDay();
    const story = stories[momentStory];
    let event: number | undefined;
    if (story.events.length > 0 && rng.chance(0.65)) {
      event = story.events[rng.int(story.events.length)];
      day = clampDay(eventDay[event] + rng.geometric(0.3, 5));
    }
    const speaker = pickPerson();
    let onBehalfOf: number | undefined;
    if (rng.chance(0.15)) {
      const principal = pickAny(momentStory);
      if (principal !== speaker) onBehalfOf = principal;
    }
    const direct = rng.chance(0.7);
    const text = fill(rng.pick(direct ? DIRECT_QUOTES : PARAPHRASES), story.topic, rng.between(2, 12));
    const setting = rng.chance(0.5) ? rng.pick(SETTINGS) : undefined;
    const when = dated(rng, cal, day, RECORD_PRECISION);
    const who = `${mention(speaker)}${onBehalfOf !== undefined ? `, speaking for ${mention(onBehalfOf)},` : ''}`;
    const at = setting ? ` at a ${setting}` : '';
    const sentence = direct ? `${when.cap}, ${who} said${at}: “${text}”` : `${when.cap}, ${who} said${at} that ${text}.`;
    const quote: QuoteIn = {
      id: quoteId(i),
      text,
      speaker: actorId(speaker),
      ...(onBehalfOf !== undefined && { onBehalfOf: actorId(onBehalfOf) }),
      mode: direct ? 'direct' : 'paraphrase',
      date: when.date,
      ...(event !== undefined && { event: eventId(event) }),
      ...(setting && { setting }),
      citations: cite(day, sentence, () =>
        direct ? `“${text}” ${names[speaker]} said ${when.low}.` : `${names[speaker]} said ${when.low} that ${text}.`,
      ),
    };
    quotes.push(quote);
    quoteSpeaker.push(speaker);
    quoteDay.push(day);
    quoteTopic.push(story.topic);
  }

  // Aid: packages with amounts, items inside them, and standalone pledges and permissions.
  const donors = [
    ...Array.from({ length: nStates }, (_, i) => i).filter((i) => !NOT_DONORS.has(STATES[i])),
    ...[0, 1].filter((k) => k < nInstitutions).map((k) => nStates + k),
  ];
  const donorTable = Table.zipf(donors.length, 1);
  const ukraine = stateIndex.get('Ukraine');
  const recipients = Array.from({ length: nStates }, (_, i) => i).filter((i) => i !== ukraine);
  const pickRecipient = (donor: number): number => {
    if (ukraine !== undefined && rng.chance(0.9)) return ukraine;
    const r = recipients[rng.int(recipients.length)];
    return r !== donor ? r : (ukraine ?? recipients[(recipients.indexOf(r) + 1) % recipients.length]);
  };
  const aidId = idMaker('aid', plan.aid);
  interface Package {
    index: number;
    donor: number;
    recipient: number;
    day: number;
    when: Dated;
    millions: number;
    citation: CitationIn;
  }
  const packages: Package[] = [];
  const aid: AidIn[] = [];
  const statusFor = (): AidStatus =>
    rng.weighted<AidStatus>([
      ['announced', 30],
      ['planned', 10],
      ['in-effect', 15],
      ['delivered', 35],
      ['reported', 10],
    ]);
  const effectiveFor = (status: AidStatus, day: number): FuzzyDateIn | undefined => {
    if (status !== 'in-effect' && status !== 'delivered') return undefined;
    const d = Math.min(SPAN - 1, day + rng.between(7, 180));
    return rng.chance(0.7) ? exactDay(cal, d) : { value: cal.month[d], precision: 'month' };
  };
  for (let i = 0; i < plan.aid; i++) {
    let day = sampleDay();
    const story = stories[momentStory];
    const r = rng.next();
    let donor: number;
    let recipient: number | undefined;
    let location: string | undefined;
    let what: string;
    let category: AidIn['category'];
    let amount: AidIn['amount'];
    let announced: FuzzyDateIn;
    let partOf: Package | undefined;
    let sentence: string;
    let variant: () => string;
    let millions = 0;
    let when: Dated | undefined;
    if (packages.length === 0 || r < 0.35) {
      donor = donors[donorTable.sample(rng)];
      recipient = pickRecipient(donor);
      const u = rng.next() * rng.next();
      millions = PACKAGE_MILLIONS[Math.min(PACKAGE_MILLIONS.length - 1, Math.floor(u * PACKAGE_MILLIONS.length * 1.3))];
      when = dated(rng, cal, day, RECORD_PRECISION);
      const d = mention(donor);
      const rcp = mention(recipient);
      const w = when;
      what = `${money(millions)} aid package`;
      category = 'aid-package';
      amount = { value: millions * 1_000_000, currency: 'USD' };
      announced = when.date;
      sentence = `${w.cap}, ${d} announced a ${money(millions)} aid package for ${rcp}.`;
      variant = () => capitalise(`${d} announced a ${money(millions)} package for ${rcp} ${w.low}.`);
    } else if (r < 0.8) {
      const pkg = packages[packages.length - 1 - rng.geometric(0.9, packages.length - 1)];
      partOf = pkg;
      day = pkg.day;
      donor = pkg.donor;
      recipient = pkg.recipient;
      const items = `${rng.between(2, 60)} ${rng.pick(WEAPONS)}`;
      const label = `${money(pkg.millions)} package`;
      const d = mention(donor);
      what = capitalise(items);
      category = rng.chance(0.85) ? 'weapon-system' : 'other';
      if (rng.chance(0.25)) {
        const part = Math.max(1, Math.round(pkg.millions * (0.05 + rng.next() * 0.35)));
        amount = { value: part * 1_000_000, currency: 'USD' };
      }
      announced = { ...pkg.when.date };
      sentence = `The ${label} ${d} announced ${pkg.when.low} includes ${items}.`;
      variant = () => capitalise(`${d}'s ${label} includes ${items}, officials said.`);
    } else {
      donor = donors[donorTable.sample(rng)];
      const w = dated(rng, cal, day, RECORD_PRECISION);
      const d = mention(donor);
      const n = rng.between(2, 40);
      category = rng.weighted<AidIn['category']>([
        ['strike-permission', 30],
        ['deployment', 30],
        ['weapon-system', 25],
        ['other', 15],
      ]);
      let clause: string;
      if (category === 'deployment') {
        location = rng.chance(0.5) ? rng.pick(DEPLOY_PLACES) : STATES[rng.int(nStates)];
        what = `${n * 100} troops`;
        clause = `said it would deploy ${what} to ${location}`;
      } else {
        recipient = pickRecipient(donor);
        const rcp = mention(recipient);
        if (category === 'strike-permission') {
          const weapon = rng.pick(STRIKE_WEAPONS);
          what = `Permission to strike with ${weapon}`;
          clause = `allowed ${rcp} to strike deeper with ${weapon}`;
        } else if (category === 'weapon-system') {
          what = `${n} ${rng.pick(WEAPONS)}`;
          clause = `pledged ${what} to ${rcp}`;
        } else {
          what = `Training for ${n * 10} pilots`;
          clause = `pledged to train ${n * 10} pilots from ${rcp}`;
        }
      }
      what = capitalise(what);
      announced = w.date;
      sentence = `${w.cap}, ${d} ${clause}.`;
      variant = () => capitalise(`${d} ${clause} ${w.low}.`);
    }
    const status = statusFor();
    const effective = effectiveFor(status, day);
    const citations = cite(day, sentence, variant);
    if (partOf && rng.chance(0.3)) citations.push(partOf.citation);
    const event = story.events.length > 0 && rng.chance(0.25) ? story.events[rng.int(story.events.length)] : undefined;
    const notes = rng.chance(0.03) ? 'Delivery timing unclear in the sources.' : undefined;
    aid.push({
      id: aidId(i),
      donor: actorId(donor),
      ...(recipient !== undefined && { recipient: actorId(recipient) }),
      ...(location !== undefined && { location }),
      item: what,
      category,
      ...(amount && { amount }),
      announced,
      ...(effective && { effective }),
      status,
      ...(partOf && { partOf: aidId(partOf.index) }),
      ...(event !== undefined && { event: eventId(event) }),
      ...(notes && { notes }),
      citations,
    });
    if (when) packages.push({ index: i, donor, recipient: recipient as number, day, when, millions, citation: citations[0] });
  }

  // Discrepancies: two sources that disagree about an existing record.
  const discrepancyId = idMaker('disc', plan.discrepancies);
  const withAliases = names.map((_, a) => a).filter((a) => aliases[a].length > 0);
  const discrepancies: DiscrepancyIn[] = [];
  for (let i = 0; i < plan.discrepancies; i++) {
    let kind = rng.weighted<DiscrepancyKind>([
      ['conflict', 30],
      ['misdating', 25],
      ['spelling', 15],
      ['claim', 15],
      ['vague', 15],
    ]);
    if (kind === 'conflict' && packages.length === 0) kind = 'misdating';
    if ((kind === 'misdating' || kind === 'vague') && events.length === 0) kind = 'spelling';
    if (kind === 'spelling' && withAliases.length === 0) kind = 'claim';
    let day: number;
    let a: string;
    let b: string;
    let readA: string;
    let readB: string;
    let topic: string;
    let summary: string;
    const concerns: NonNullable<DiscrepancyIn['concerns']> = {};
    if (kind === 'conflict') {
      const pkg = packages[rng.int(packages.length)];
      day = pkg.day;
      const other = PACKAGE_MILLIONS[rng.int(PACKAGE_MILLIONS.length)];
      const alt = other !== pkg.millions ? other : pkg.millions + 25;
      const d = named[pkg.donor];
      a = `The package ${d} announced ${pkg.when.low} is worth ${money(pkg.millions)}.`;
      b = `The package ${d} announced ${pkg.when.low} is worth ${money(alt)}.`;
      readA = `Puts the package at ${money(pkg.millions)}.`;
      readB = `Puts the package at ${money(alt)}.`;
      topic = `Value of the ${names[pkg.donor]} package of ${cal.long[pkg.day]}`;
      summary = 'The sources give different amounts for the same package.';
      concerns.aid = [aidId(pkg.index)];
      concerns.actors = [actorId(pkg.donor)];
    } else if (kind === 'misdating' || kind === 'vague') {
      const e = rng.int(events.length);
      day = eventDay[e];
      const title = eventTitle[e];
      topic = `Date of the ${title}`;
      concerns.events = [eventId(e)];
      if (kind === 'misdating') {
        const shift = rng.between(1, 3) * (rng.chance(0.5) ? 1 : -1);
        const other = day + shift >= 0 && day + shift < SPAN ? day + shift : day - shift;
        a = `The ${title} took place on ${cal.long[day]}.`;
        b = `The ${title} took place on ${cal.long[other]}.`;
        readA = `Dates it to ${cal.long[day]}.`;
        readB = `Dates it to ${cal.long[other]}.`;
        summary = `The sources date the event ${Math.abs(other - day)} day(s) apart.`;
      } else {
        a = `The ${title} took place earlier this month.`;
        b = `The ${title} took place on ${cal.long[day]}.`;
        readA = 'Gives no date beyond "earlier this month".';
        readB = `Dates it to ${cal.long[day]}.`;
        summary = 'One source is vague about the date; the other gives a day.';
      }
    } else if (kind === 'spelling') {
      const actor = withAliases[rng.int(withAliases.length)];
      const alias = aliases[actor][rng.int(aliases[actor].length)];
      day = sampleDay();
      const t = stories[momentStory].topic;
      a = capitalise(`${named[actor]} spoke about ${t}.`);
      b = capitalise(`${inText(actor, alias)} spoke about ${t}.`);
      readA = `Spells the name "${names[actor]}".`;
      readB = `Spells the name "${alias}".`;
      topic = `Spelling of ${names[actor]}`;
      summary = 'The sources spell the name differently.';
      concerns.actors = [actorId(actor)];
    } else if (quotes.length > 0) {
      const q = rng.int(quotes.length);
      const sp = names[quoteSpeaker[q]];
      day = quoteDay[q];
      a = `${sp} was quoted on ${quoteTopic[q]} on ${cal.long[day]}.`;
      b = `The office of ${sp} denied any remark on ${quoteTopic[q]}.`;
      readA = 'Reports the remark.';
      readB = 'Says the remark was never made.';
      topic = `Whether ${sp} made the remark`;
      summary = 'One source reports the remark; another says it was denied.';
      concerns.quotes = [quoteId(q)];
      concerns.actors = [actorId(quoteSpeaker[q])];
    } else {
      const x = pickAny(0);
      let y = pickAny(0);
      if (y === x) y = (x + 1) % nActors;
      day = sampleDay();
      const t = stories[momentStory].topic;
      a = capitalise(`${named[x]} claimed progress on ${t}.`);
      b = capitalise(`${named[y]} disputed any progress on ${t}.`);
      readA = `${names[x]} claims progress.`;
      readB = `${names[y]} disputes it.`;
      topic = `Progress on ${t}`;
      summary = 'A claim and its denial.';
      concerns.actors = [actorId(x), actorId(y)];
    }
    const sa = pickSource(day);
    const sb = otherSource(day, sa);
    texts[sa].push(a);
    texts[sb].push(b);
    discrepancies.push({
      id: discrepancyId(i),
      kind,
      topic,
      summary,
      versions: [
        { source: sources[sa].id, excerpt: a, reading: readA },
        { source: sources[sb].id, excerpt: b, reading: readB },
      ],
      concerns,
    });
  }

  // Sources get their texts last, when every sentence is in.
  sources.forEach((s, i) => {
    s.text = texts[i].join('\n');
  });

  return {
    title: `Synthetic briefing dataset (${records} records, seed ${seed})`,
    version: 'synthetic-1',
    date: cal.iso[SPAN - 1],
    description:
      'Generated by src/testing/generate.ts: invented people and outlets, dates clustered around story peaks in 2022–2026. Not a record of real events.',
    sources,
    actors,
    events,
    quotes,
    aid,
    discrepancies,
  };
}
