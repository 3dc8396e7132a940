import { z } from 'zod';
import { DATE_PRECISIONS } from '../lib/dates';
import { DEFAULT_AID_CATEGORIES, DEFAULT_AID_STATUSES, DEFAULT_EVENT_KINDS } from './vocabulary';
import { CREDIBILITY_GRADES, LIKELIHOODS, RELIABILITY_GRADES } from './grading-vocabulary';
import { ID_PATTERN, ISO_DATE_PATTERN, isRealIsoDate } from './formats';

/**
 * The single source of truth for the briefing dataset. TypeScript types are inferred from it,
 * the JSON Schema in public/data/briefing.schema.json is generated from it, and the validator
 * layers the cross-record checks (references, verbatim excerpts, date order) on top of it.
 */

// The page's Content-Security-Policy forbids eval. Without this, zod probes `new Function` while it
// builds the schemas below; the probe fails quietly, but the browser still reports a CSP violation.
z.config({ jitless: true });

export const Id = z.string().regex(ID_PATTERN, 'must be an id: letters, digits, . _ : - (max 128)');

const Text = z.string().trim().min(1, 'must not be empty');

export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { error: 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
  .refine(isRealIsoDate, 'is not a real calendar date');

/**
 * A date as the sources give it. `value` is our best reading; `precision` says how much of it the
 * sources actually support: `weekday` means the text only names a day of the week ("Tuesday"),
 * `approximate` means "about", "roughly", "late June".
 */
export const FuzzyDate = z.strictObject({
  value: IsoDate,
  precision: z.enum(DATE_PRECISIONS),
  /** The wording the sources use when it is not a plain date, e.g. "Tuesday" or "end of June". */
  as: z.string().min(1).optional(),
});

/**
 * Where an excerpt occurs more than once, the words just before (`prefix`) or after (`suffix`) it
 * pick the occurrence meant, as a W3C Web Annotation TextQuoteSelector does.
 */
const Selector = {
  prefix: z.string().min(1).max(200).optional(),
  suffix: z.string().min(1).max(200).optional(),
};

export const Citation = z.strictObject({
  source: Id,
  /** Copied verbatim from the source text: an exact substring. */
  excerpt: z.string().min(1, 'must not be empty'),
  ...Selector,
});

const Citations = z.array(Citation).min(1, 'needs at least one citation');

/** The analyst's grade of a source (Admiralty code A–F) and why; an ungraded source counts as F. */
export const SourceReliability = z.strictObject({
  grade: z.enum(RELIABILITY_GRADES),
  reason: Text,
});

/**
 * An analyst's recorded judgement of a fact's credibility (1–6) and why. It replaces the grade
 * computed from corroboration: 4 where the sources contradict the fact, 6 where its truth cannot be judged.
 */
export const CredibilityJudgement = z.strictObject({
  grade: z.literal(CREDIBILITY_GRADES),
  reason: Text,
});

export const OUTLET_EVIDENCE = ['byline', 'wire-credit', 'hashtag', 'follow-line', 'masthead', 'not-named'] as const;

export const SOURCE_KINDS = ['wire', 'news-site', 'aggregator', 'blog-repost', 'opinion'] as const;

export const Source = z
  .strictObject({
    id: Id,
    /** The headline, or our own short label where the text has none. */
    title: Text,
    /** The outlet as far as the text itself identifies it; "Unnamed outlet" where it does not. */
    outlet: Text,
    outletEvidence: z.enum(OUTLET_EVIDENCE),
    /** The words in the text that identify the outlet; absent only when outletEvidence is not-named. */
    outletExcerpt: z.string().min(1).optional(),
    /** A wire service or outlet this text says it reproduces (e.g. AFP, The Hill). */
    reposts: z.array(Text).optional(),
    published: FuzzyDate,
    /** Language the text was translated from, where the text shows that. */
    translatedFrom: z.string().min(1).optional(),
    translationNote: z.string().min(1).optional(),
    kind: z.enum(SOURCE_KINDS),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** Path of the article text, relative to the dataset file. */
    textPath: z.string().min(1).optional(),
    /** The article text inline (used by generated or single-file datasets). */
    text: z.string().optional(),
    notes: z.string().min(1).optional(),
    reliability: SourceReliability.optional(),
  })
  .refine((s) => s.textPath !== undefined || s.text !== undefined, {
    message: 'needs textPath or text: every source must carry its article text',
    path: ['textPath'],
  })
  .refine((s) => s.outletEvidence === 'not-named' || s.outletExcerpt !== undefined, {
    message: 'needs outletExcerpt: the words that identify the outlet',
    path: ['outletExcerpt'],
  });

export const Actor = z.strictObject({
  id: Id,
  name: Text,
  kind: z.enum(['person', 'institution', 'state']),
  role: Text,
  /** Free text so any story can use its own sides: a state, an alliance, a ministry, a party… */
  affiliation: Text,
  /** Every other spelling the sources use, so one filter finds them all. */
  aliases: z.array(Text).default([]),
  citations: Citations,
});

/**
 * Event kinds, aid categories and aid statuses are a dataset's own vocabulary: ids it may declare in
 * `vocabulary`, or those of the default vocabulary (src/dataset/vocabulary.ts). Records refer to them
 * by id; the validator checks every reference against the vocabulary that applies.
 */
const Term = z.strictObject({
  id: Id,
  /** How the dashboard names it: "Working dinner". */
  label: Text,
});

const EventKindTerm = Term.extend({
  /** Calls, meetings, visits: a contact between the sides, which the timeline emphasises and Compare defaults to. */
  contact: z.boolean().default(false),
});

const AidStatusTerm = Term.extend({
  /** Delivered, in force: the item already takes effect, and the key figures count it so. */
  inEffect: z.boolean().default(false),
});

/** A reference to a term; the JSON Schema names the default ones for editors. */
const termRef = (list: string, defaults: readonly { id: string }[]) =>
  Id.describe(`An id from vocabulary.${list}; without that list, one of: ${defaults.map((t) => t.id).join(', ')}`);

const terms = <T extends z.ZodType>(term: T) => z.array(term).min(1, 'needs at least one entry; leave it out for the default vocabulary');

export const Vocabulary = z.strictObject({
  eventKinds: terms(EventKindTerm).optional(),
  aidCategories: terms(Term).optional(),
  aidStatuses: terms(AidStatusTerm).optional(),
});

export const Event = z.strictObject({
  id: Id,
  date: FuzzyDate,
  /** Last day, for events that span several days (a summit). */
  end: FuzzyDate.optional(),
  /** An event kind of the dataset's vocabulary (call, meeting, summit, … by default). */
  kind: termRef('eventKinds', DEFAULT_EVENT_KINDS),
  title: Text,
  /** One line in our own words. */
  summary: Text,
  actors: z.array(Id),
  /** Who asked for it, where the event is a call or meeting; as the sources tell it. */
  initiatedBy: Id.optional(),
  credibility: CredibilityJudgement.optional(),
  citations: Citations,
});

export const Quote = z.strictObject({
  id: Id,
  /** The words as printed. For a paraphrase, the printed paraphrase. */
  text: Text,
  speaker: Id,
  /** Whose words these are when someone else reads them out (a spokesperson for a minister). */
  onBehalfOf: Id.optional(),
  mode: z.enum(['direct', 'paraphrase']),
  date: FuzzyDate,
  event: Id.optional(),
  /** Where it was said: a briefing, an interview, a statement. */
  setting: z.string().min(1).optional(),
  credibility: CredibilityJudgement.optional(),
  citations: Citations,
});

export const Amount = z.strictObject({
  value: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
});

export const AidItem = z.strictObject({
  id: Id,
  donor: Id,
  recipient: Id.optional(),
  /** Where it goes, when that is a place rather than a recipient (a deployment). */
  location: z.string().min(1).optional(),
  item: Text,
  /** An aid category of the dataset's vocabulary (aid-package, weapon-system, … by default). */
  category: termRef('aidCategories', DEFAULT_AID_CATEGORIES),
  amount: Amount.optional(),
  announced: FuzzyDate,
  effective: FuzzyDate.optional(),
  /** An aid status of the dataset's vocabulary; by default announced is kept apart from delivered. */
  status: termRef('aidStatuses', DEFAULT_AID_STATUSES),
  /** The package this item belongs to (a system inside a larger package). */
  partOf: Id.optional(),
  event: Id.optional(),
  notes: z.string().min(1).optional(),
  credibility: CredibilityJudgement.optional(),
  citations: Citations,
});

export const DISCREPANCY_KINDS = ['conflict', 'vague', 'misdating', 'claim', 'spelling'] as const;

export const DiscrepancyVersion = z.strictObject({
  source: Id,
  excerpt: z.string().min(1, 'must not be empty'),
  ...Selector,
  /** What this source says, in our words. */
  reading: Text,
  /** How likely we judge this version to be true, in the words of ICD 203. */
  likelihood: z.enum(LIKELIHOODS).optional(),
});

export const Discrepancy = z.strictObject({
  id: Id,
  kind: z.enum(DISCREPANCY_KINDS),
  topic: Text,
  /** The point at issue, in our words; never a silent resolution. */
  summary: Text,
  versions: z.array(DiscrepancyVersion).min(1, 'needs at least one version'),
  concerns: z
    .strictObject({
      events: z.array(Id).default([]),
      quotes: z.array(Id).default([]),
      aid: z.array(Id).default([]),
      actors: z.array(Id).default([]),
    })
    .default({ events: [], quotes: [], aid: [], actors: [] }),
});

/**
 * One point of the dataset's bottom line, in our own words, resting on the cited excerpts like any
 * record. `about` names the records it sums up, so the point can follow the filters.
 */
export const KeyPoint = z.strictObject({
  id: Id,
  text: Text,
  about: z.array(Id).optional(),
  citations: Citations,
});

export const Dataset = z.strictObject({
  $schema: z.string().optional(),
  /** A stable identity across versions and titles; the briefing tray is kept under it. */
  id: Id.optional(),
  title: Text,
  version: Text,
  /** The date the dataset was compiled. */
  date: IsoDate,
  description: z.string().optional(),
  /** The dataset's own event kinds, aid categories and statuses; each list left out takes the default. */
  vocabulary: Vocabulary.optional(),
  /** What an analyst needs in ten seconds: a few points, each cited. */
  keyPoints: z.array(KeyPoint).optional(),
  sources: z.array(Source),
  actors: z.array(Actor),
  events: z.array(Event),
  quotes: z.array(Quote),
  aid: z.array(AidItem),
  discrepancies: z.array(Discrepancy),
});

export type FuzzyDate = z.infer<typeof FuzzyDate>;
export type DatePrecision = FuzzyDate['precision'];
export type Citation = z.infer<typeof Citation>;
export type Source = z.infer<typeof Source>;
export type SourceKind = Source['kind'];
export type Actor = z.infer<typeof Actor>;
export type Event = z.infer<typeof Event>;
/** An event kind id, checked against the dataset's vocabulary by the validator. */
export type EventKind = Event['kind'];
export type Quote = z.infer<typeof Quote>;
export type AidItem = z.infer<typeof AidItem>;
export type AidStatus = AidItem['status'];
export type AidCategory = AidItem['category'];
export type Discrepancy = z.infer<typeof Discrepancy>;
export type DiscrepancyKind = Discrepancy['kind'];
export type Vocabulary = z.infer<typeof Vocabulary>;
export type KeyPoint = z.infer<typeof KeyPoint>;
export type SourceReliability = z.infer<typeof SourceReliability>;
export type CredibilityJudgement = z.infer<typeof CredibilityJudgement>;
/** A record that states something happened or was said, and so has a credibility. */
export type Fact = Event | Quote | AidItem;
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;

