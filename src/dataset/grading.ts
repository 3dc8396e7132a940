import {
  CREDIBILITY_LABEL,
  RELIABILITY_GRADES,
  RELIABILITY_LABEL,
  UNGRADED_RELIABILITY,
  type CredibilityGrade,
  type ReliabilityGrade,
} from './grading-vocabulary';
import { minOf } from '../lib/bounds';
import type { Dataset, Fact, Source } from './schema';

/**
 * Source reliability (A–F) and fact credibility (1–6), as allied joint doctrine AJP-2.1, the Admiralty code, grades them.
 *
 * Reliability is the dataset's grade of each source; a source without one counts as F.
 *
 * Credibility is the dataset's recorded judgement of the fact where it has one. Otherwise it is
 * computed from corroboration, counting independent outlets: a source whose `reposts` names a wire
 * or outlet counts as that wire or outlet, together with the original and every other copy of it;
 * articles of one named outlet count once; sources that name no outlet each count apart. An outlet
 * group is as reliable as its best member. Corroboration counts first, as the code intends:
 * independent outlets agreeing make a fact credible whoever they are. In this order:
 *   4 Doubtful        a discrepancy of kind `conflict` concerns the fact;
 *   1 Confirmed       three or more independent outlets, at least one graded A or B;
 *   2 Probably true   two or more independent outlets;
 *   3 Possibly true   one outlet, graded A–C;
 *   6 Cannot be judged one outlet, graded D–F or not graded.
 * 5 (Improbable) is never computed: only a recorded judgement gives it.
 */

export interface SourceGrade {
  grade: ReliabilityGrade;
  reason: string;
  /** False when the dataset gives no grade and the source counts as F. */
  recorded: boolean;
}

/** One independent outlet behind a fact: an original and its copies, or copies of one original. */
export interface OutletGroup {
  /** "Harbour Times via AFP", "AFP", "Unnamed outlet, 13 Jul 2024". */
  label: string;
  reliability: ReliabilityGrade;
  sourceIds: string[];
  /** The other members, in words: "Harbour Times copies AFP". */
  copies: string[];
}

export interface FactGrade {
  /** Best reliability among the fact's sources, then its credibility: "B2". */
  code: string;
  reliability: ReliabilityGrade;
  credibility: CredibilityGrade;
  /** True when the credibility is the dataset's recorded judgement rather than computed. */
  recorded: boolean;
  groups: OutletGroup[];
  /** Why the credibility is what it is: the recorded reason, or the rule that gave it. */
  reason: string;
  /** How many independent outlets report it, and which copy which: "2 independent outlets report it (…)". */
  corroboration: string;
  /** All of it in one line: "Usually reliable · Probably true: 2 independent outlets report it (…)". */
  words: string;
}

export interface Grading {
  source(id: string): SourceGrade;
  /**
   * The two grades alone: cheap enough for every record of a large dataset. `sourceIds`, the
   * fact's cited sources without repeats, saves finding them again.
   */
  code(fact: Fact, sourceIds?: readonly string[]): { reliability: ReliabilityGrade; credibility: CredibilityGrade };
  /** The grades with their groups and words, kept once made. */
  fact(fact: Fact): FactGrade;
}

const RANK = new Map<string, number>(RELIABILITY_GRADES.map((g, i) => [g, i]));
const rankOf = (g: ReliabilityGrade) => RANK.get(g) as number;
const C = rankOf('C');
const B = rankOf('B');

const nameKey = (name: string) => `name:${name.trim().toLowerCase()}`;

/** The originals a source's words go back to: what it reposts, else its own outlet. */
function originsOf(s: Source): string[] {
  if (s.reposts?.length) return s.reposts.map(nameKey);
  return [s.outletEvidence === 'not-named' ? `unnamed:${s.id}` : nameKey(s.outlet)];
}

function uniqueSources(fact: Fact): string[] {
  const c = fact.citations;
  if (c.length === 1) return [c[0].source];
  return [...new Set(c.map((x) => x.source))];
}

/**
 * `outletLabel` names a source's outlet as the dataset's outlet list does, so unnamed outlets are
 * told apart by date ("Unnamed outlet, 13 Jul").
 */
export function gradeDataset(dataset: Pick<Dataset, 'sources' | 'discrepancies'>, outletLabel: (sourceId: string) => string): Grading {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const grades = new Map<string, SourceGrade>();
  const ranks = new Map<string, number>();
  const origins = new Map<string, string[]>();
  for (const s of dataset.sources) {
    const g: SourceGrade = s.reliability ? { ...s.reliability, recorded: true } : { ...UNGRADED_RELIABILITY, recorded: false };
    grades.set(s.id, g);
    ranks.set(s.id, rankOf(g.grade));
    origins.set(s.id, originsOf(s));
  }
  const ungraded: SourceGrade = { ...UNGRADED_RELIABILITY, recorded: false };
  const rank = (id: string) => ranks.get(id) ?? RELIABILITY_GRADES.length - 1;

  const conflicts = new Map<string, string[]>();
  for (const d of dataset.discrepancies) {
    if (d.kind !== 'conflict') continue;
    for (const id of [...d.concerns.events, ...d.concerns.quotes, ...d.concerns.aid]) {
      const topics = conflicts.get(id);
      if (topics) topics.push(d.topic);
      else conflicts.set(id, [d.topic]);
    }
  }

  /** The fact's sources split into independent groups (sources sharing an origin join one group). */
  const groupsOf = (ids: readonly string[]): string[][] => {
    if (ids.length === 1) return [[ids[0]]];
    const parent = ids.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
    const holder = new Map<string, number>();
    ids.forEach((id, i) => {
      for (const o of origins.get(id) ?? [`unknown:${id}`]) {
        const h = holder.get(o);
        if (h === undefined) holder.set(o, i);
        else parent[root(i)] = root(h);
      }
    });
    const byRoot = new Map<number, string[]>();
    ids.forEach((id, i) => {
      const r = root(i);
      const list = byRoot.get(r);
      if (list) list.push(id);
      else byRoot.set(r, [id]);
    });
    return [...byRoot.values()];
  };

  const computed = (fact: Fact, groups: number, best: number): CredibilityGrade => {
    if (conflicts.has(fact.id)) return 4;
    if (groups >= 3 && best <= B) return 1;
    if (groups >= 2) return 2;
    if (groups === 1 && best <= C) return 3;
    return 6;
  };

  // Origins as numbers, for counting groups without building them: most sources have exactly one.
  const originNumber = new Map<string, number>();
  const singleOrigin = new Map<string, number>();
  for (const [id, list] of origins) {
    if (list.length !== 1) continue;
    let n = originNumber.get(list[0]);
    if (n === undefined) originNumber.set(list[0], (n = originNumber.size));
    singleOrigin.set(id, n);
  }
  const countGroups = (ids: readonly string[]): number => {
    if (ids.length === 1) return 1;
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const o = singleOrigin.get(ids[i]);
      if (o === undefined) return groupsOf(ids).length;
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = singleOrigin.get(ids[j]) === o;
      if (!seen) n++;
    }
    return n;
  };

  const code = (fact: Fact, sourceIds?: readonly string[]) => {
    const ids = sourceIds ?? uniqueSources(fact);
    let best = RELIABILITY_GRADES.length - 1;
    for (const id of ids) best = Math.min(best, rank(id));
    const reliability = RELIABILITY_GRADES[best];
    if (fact.credibility) return { reliability, credibility: fact.credibility.grade };
    return { reliability, credibility: computed(fact, countGroups(ids), best) };
  };

  const describeGroup = (members: string[]): OutletGroup => {
    const best = minOf(members.map(rank));
    const repostsOf = (id: string) => sources.get(id)?.reposts ?? [];
    const originals = members.filter((id) => repostsOf(id).length === 0);
    const copies = members.filter((id) => repostsOf(id).length > 0);
    const counted = (ids: readonly string[]) => {
      const perLabel = new Map<string, number>();
      for (const id of ids) perLabel.set(outletLabel(id), (perLabel.get(outletLabel(id)) ?? 0) + 1);
      return [...perLabel].map(([label, n]) => (n > 1 ? `${label} (${n} articles)` : label)).join(' and ');
    };
    let label: string;
    let rest = copies;
    if (originals.length) label = counted(originals);
    else {
      const lead = repostsOf(copies[0]).join(' and ');
      const sameLead = copies.filter((id) => outletLabel(id) === outletLabel(copies[0]) && repostsOf(id).join(' and ') === lead);
      label = `${counted(sameLead)} via ${lead}`;
      rest = copies.filter((id) => !sameLead.includes(id));
    }
    const said = [...new Set(rest.map((id) => `${outletLabel(id)} copies ${repostsOf(id).join(' and ')}`))];
    return { label, reliability: RELIABILITY_GRADES[best], sourceIds: members, copies: said };
  };

  const cache = new WeakMap<Fact, FactGrade>();
  const fact = (f: Fact): FactGrade => {
    const kept = cache.get(f);
    if (kept) return kept;
    const ids = uniqueSources(f);
    // Best graded first; otherwise in the order the fact cites them.
    const groups = groupsOf(ids)
      .map(describeGroup)
      .sort((x, y) => rankOf(x.reliability) - rankOf(y.reliability));
    const best = groups.reduce((m, g) => Math.min(m, rankOf(g.reliability)), RELIABILITY_GRADES.length - 1);
    const reliability = RELIABILITY_GRADES[best];
    const listed = groups.map((g) => g.label).join('; ');
    const said = groups.flatMap((g) => g.copies);
    const reported =
      groups.length === 0
        ? 'no source is cited for it'
        : groups.length === 1
          ? `1 outlet reports it (${listed})`
          : `${groups.length} independent outlets report it (${listed})`;
    const copied = said.length ? `; ${said.join('; ')}` : '';
    const corroboration = reported + copied;
    const computedGrade = computed(f, groups.length, best);
    const credibility = f.credibility?.grade ?? computedGrade;
    let reason: string;
    if (f.credibility) reason = f.credibility.reason;
    else if (computedGrade === 4) reason = `the sources conflict on it (${(conflicts.get(f.id) ?? []).join('; ')}); ${corroboration}`;
    else if (computedGrade === 6 && groups.length === 1)
      reason = `${reported}, ${f.citations.some((c) => grades.get(c.source)?.recorded) ? `graded ${reliability}` : 'not graded'}${copied}`;
    else reason = corroboration;
    const words = `${RELIABILITY_LABEL[reliability]} · ${CREDIBILITY_LABEL[credibility]}${f.credibility ? ' (recorded judgement)' : ''}: ${reason}`;
    const grade: FactGrade = {
      code: `${reliability}${credibility}`,
      reliability,
      credibility,
      recorded: f.credibility !== undefined,
      groups,
      reason,
      corroboration,
      words,
    };
    cache.set(f, grade);
    return grade;
  };

  return { source: (id) => grades.get(id) ?? ungraded, code, fact };
}
