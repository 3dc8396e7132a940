import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { anchor, type Quote } from './anchor';
import { duplicateKeys } from './duplicate-keys';
import {
  Actor,
  AidItem,
  Dataset,
  Discrepancy,
  Event,
  Quote as QuoteRecord,
  Source,
  type Citation,
  type FuzzyDate,
} from './schema';
import { compareIsoDates, RECORD_TYPES, type RecordType } from './formats';
import { resolveVocabulary, type Term, type TermList } from './vocabulary';
import { sourceRefIds } from './source-refs';
import { clipGraphemes } from '../lib/graphemes';

/** One thing wrong with a dataset: where (a JSON path such as `events[3].date.value`) and what. */
export interface Problem {
  path: string;
  message: string;
}

export type Counts = Record<RecordType | 'citations', number> & { keyPoints?: number };

/** `more`: how many problems were found beyond those listed (the list stops at MAX_PROBLEMS). */
export type ShapeResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[]; more?: number };

/** `warnings`: what passed but deserves a word (a key given twice, whose last value counts). */
export type ValidationResult =
  { ok: true; dataset: Dataset; counts: Counts; warnings: Problem[] } | { ok: false; problems: Problem[]; more?: number };

/** Keys given twice in one object, as warnings: JSON keeps the last value, which may not be the one meant. */
export function duplicateKeyWarnings(text: string): Problem[] {
  return duplicateKeys(text.startsWith(BOM) ? text.slice(1) : text).map((path) => ({
    path: formatPath(path.map((k) => (typeof k === 'string' ? clip(k, 60) : k))),
    message: `the key "${clip(String(path[path.length - 1]), 60)}" is given twice in this object; the last value is used`,
  }));
}

/** The most problems a result lists; the rest are counted, so a file with 500k faults stays readable. */
export const MAX_PROBLEMS = 200;

/** Keeps the first MAX_PROBLEMS problems and counts the rest. */
export function capProblems<R extends { ok: boolean }>(result: R): R {
  const r = result as unknown as { ok: false; problems: Problem[]; more?: number };
  if (r.ok || r.problems.length <= MAX_PROBLEMS) return result;
  return { ...result, problems: r.problems.slice(0, MAX_PROBLEMS), more: (r.more ?? 0) + r.problems.length - MAX_PROBLEMS };
}

/**
 * An article text as loaded: the text, `undefined` where it could not be had, or why it was refused
 * or is not an article text (`failed` reads on from `textPath "…"`, e.g. "was refused: …").
 */
export type TextLoad = string | { failed: string } | undefined;

/** Article texts by source id. */
export type SourceTexts = ReadonlyMap<string, TextLoad>;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const BOM = '\uFEFF';

/**
 * JSON.parse for speed; on failure a tolerant parser finds every syntax error with its line and
 * column, since engines word (and locate) their own errors differently.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problems: [{ path: '(file)', message: 'the file is empty: expected a JSON object' }] };
  }
  if (/^\s*</.test(body)) {
    return {
      ok: false,
      problems: [{ path: '(file) line 1, column 1', message: 'starts with “<”: the server sent a web page instead of the dataset' }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    // A UTF-16 file read as UTF-8: its byte-order mark becomes two U+FFFD, its ASCII gets NULs in between.
    if (/^(\uFFFD\uFFFD|[^\0]\0[^\0]\0|\0[^\0]\0[^\0])/.test(body)) {
      return {
        ok: false,
        problems: [{ path: '(file) line 1, column 1', message: 'JSON syntax error: the file is UTF-16 encoded; save it as UTF-8' }],
      };
    }
    const errors: ParseError[] = [];
    try {
      parseLenient(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // The tolerant parser recurses, and very deep nesting overflows the stack: fall back to the engine's message.
      errors.length = 0;
    }
    const problems = errors.slice(0, 20).map((e) => {
      const { line, column } = lineAndColumn(body, e.offset);
      return {
        path: `(file) line ${line}, column ${column}`,
        message: `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`,
      };
    });
    if (problems.length === 0) {
      problems.push({ path: '(file)', message: `JSON syntax error: ${(error as Error).message}` });
    }
    return { ok: false, problems };
  }
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: "expected ':'",
    CommaExpected: "expected ','",
    CloseBraceExpected: "expected '}' (the file may be cut short)",
    CloseBracketExpected: "expected ']' (the file may be cut short)",
    EndOfFileExpected: 'unexpected content after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string (the file may be cut short)',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  };
  return words[code] ?? code;
}

type Issue = z.ZodError['issues'][number];

function zodProblems(error: z.ZodError): Problem[] {
  return issueProblems(error.issues, []);
}

function issueProblems(issues: readonly Issue[], prefix: readonly PropertyKey[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = prefix.length ? [...prefix, ...issue.path] : issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...path, clip(key)]), message: `unknown field "${clip(key)}"` });
    } else out.push({ path: formatPath(path), message: issue.message });
  }
  return out;
}

const RECORD_SCHEMAS: Record<RecordType, z.ZodType> = {
  sources: Source,
  actors: Actor,
  events: Event,
  quotes: QuoteRecord,
  aid: AidItem,
  discrepancies: Discrepancy,
};

/** Records checked per schema call: zod gathers issues with push(...spread), which overflows past ~100k. */
const SLICE = 1000;

function offsetProblems(error: z.ZodError, type: RecordType, offset: number): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const [i, ...rest] = issue.path;
    for (const p of issueProblems([{ ...issue, path: rest }], [type, (i as number) + offset])) out.push(p);
  }
  return out;
}

/** One list of records, a slice at a time; a record too broken to list its problems says so. */
function checkList(type: RecordType, list: readonly unknown[], problems: Problem[]): unknown[] {
  const schema = z.array(RECORD_SCHEMAS[type]);
  const out: unknown[] = [];
  const take = (items: unknown[]) => {
    for (const item of items) out.push(item);
  };
  for (let at = 0; at < list.length; at += SLICE) {
    const slice = list.slice(at, at + SLICE);
    try {
      const r = schema.safeParse(slice);
      if (r.success) take(r.data as unknown[]);
      else for (const p of offsetProblems(r.error, type, at)) problems.push(p);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      slice.forEach((record, i) => {
        try {
          const r = schema.safeParse([record]);
          if (!r.success) for (const p of offsetProblems(r.error, type, at + i)) problems.push(p);
        } catch (inner) {
          if (!(inner instanceof RangeError)) throw inner;
          problems.push({ path: `${type}[${at + i}]`, message: 'has too many problems to list (more than 100,000 in this record)' });
        }
      });
    }
  }
  return out;
}

/** Types, required fields and the vocabulary's terms: everything one record can say about itself. */
export function checkShape(raw: unknown): ShapeResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const found = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    return {
      ok: false,
      problems: [{ path: '(root)', message: `expected a dataset object with title, version, sources, … but found ${found}` }],
    };
  }
  const fields = raw as Record<string, unknown>;
  const lists = new Set<string>(RECORD_TYPES.filter((t) => Array.isArray(fields[t])));
  // Object.fromEntries defines own properties, so a "__proto__" key stays a plain key to report.
  const head = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, lists.has(k) ? [] : v]));
  const top = Dataset.safeParse(head);
  const problems = top.success ? [] : zodProblems(top.error);
  const records = new Map<string, unknown[]>();
  for (const type of RECORD_TYPES) if (lists.has(type)) records.set(type, checkList(type, fields[type] as unknown[], problems));
  if (!top.success || problems.length) return capProblems({ ok: false, problems });
  const dataset = { ...top.data } as Record<string, unknown>;
  for (const [type, list] of records) dataset[type] = list;
  const vocabularyProblems = checkVocabulary(dataset as Dataset);
  if (vocabularyProblems.length) return capProblems({ ok: false, problems: vocabularyProblems });
  return { ok: true, dataset: dataset as Dataset };
}

/**
 * Event kinds, aid categories and statuses against the vocabulary that applies: checked with the
 * shape, as the enums they stand for were, so an unknown kind stops validation where a wrong type does.
 */
export function checkVocabulary(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const declared = dataset.vocabulary ?? {};
  for (const list of ['eventKinds', 'aidCategories', 'aidStatuses'] as const) {
    const seen = new Map<string, number>();
    declared[list]?.forEach((t, i) => {
      const earlier = seen.get(t.id);
      if (earlier !== undefined)
        add(`vocabulary.${list}[${i}].id`, `duplicate id "${t.id}" (first used at vocabulary.${list}[${earlier}])`);
      else seen.set(t.id, i);
    });
  }
  const vocabulary = resolveVocabulary(dataset);
  const term = (path: string, terms: TermList<Term>, id: string, what: string, list: keyof typeof declared) => {
    if (terms.byId.has(id)) return;
    const known = terms.list.map((t) => t.id);
    const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
    add(
      path,
      declared[list]
        ? `"${clip(id)}" is not an ${what} declared in vocabulary.${list}: expected one of ${shown}`
        : `"${clip(id)}" is not an ${what}: expected one of ${shown} (the default vocabulary; a dataset may declare its own in vocabulary.${list})`,
    );
  };

  dataset.events.forEach((e, i) => term(`events[${i}].kind`, vocabulary.eventKinds, e.kind, 'event kind', 'eventKinds'));
  dataset.aid.forEach((a, i) => {
    term(`aid[${i}].category`, vocabulary.aidCategories, a.category, 'aid category', 'aidCategories');
    term(`aid[${i}].status`, vocabulary.aidStatuses, a.status, 'aid status', 'aidStatuses');
  });
  return problems;
}

/** An excerpt shorter than this (not counting spaces) would mark a place anywhere. */
export const MIN_EXCERPT = 4;
/** An excerpt found more often than this needs a prefix or suffix to say which occurrence it means. */
export const MAX_OCCURRENCES = 5;
const ENOUGH_WORDS = new RegExp(`(?:\\S\\s*){${MIN_EXCERPT}}`);

const ID_KINDS = ['sources', 'actors', 'events', 'quotes', 'aid', 'discrepancies'] as const;

/** What no single record can check: ids, references, verbatim excerpts, date order. */
export function checkReferences(dataset: Dataset, texts: SourceTexts): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const firstSeen = new Map<string, string>();
  const ids: Record<(typeof ID_KINDS)[number], Set<string>> = {
    sources: new Set(),
    actors: new Set(),
    events: new Set(),
    quotes: new Set(),
    aid: new Set(),
    discrepancies: new Set(),
  };
  for (const kind of ID_KINDS) {
    dataset[kind].forEach((record, i) => {
      const path = `${kind}[${i}].id`;
      const earlier = firstSeen.get(record.id);
      if (earlier) add(path, `duplicate id "${record.id}" (first used at ${earlier})`);
      else firstSeen.set(record.id, path);
      ids[kind].add(record.id);
    });
  }

  (dataset.keyPoints ?? []).forEach((p, i) => {
    const path = `keyPoints[${i}].id`;
    const earlier = firstSeen.get(p.id);
    if (earlier) add(path, `duplicate id "${p.id}" (first used at ${earlier})`);
    else firstSeen.set(p.id, path);
  });

  const ref = (path: string, kind: keyof typeof ids, id: string | undefined, what: string) => {
    if (id !== undefined && !ids[kind].has(id)) add(path, `refers to ${what} "${id}", which is not in ${kind}`);
  };

  const excerpt = (path: string, c: Quote & { source: string }) => {
    const words = c.excerpt;
    if (!ENOUGH_WORDS.test(words)) {
      add(`${path}.excerpt`, `is too short to mark its place: an excerpt needs at least ${MIN_EXCERPT} characters besides spaces`);
    }
    if (!ids.sources.has(c.source)) {
      add(`${path}.source`, `refers to source "${c.source}", which is not in sources`);
      return;
    }
    const text = texts.get(c.source);
    if (typeof text !== 'string') return; // reported once per source below
    if (!text.includes(words)) {
      add(`${path}.excerpt`, `excerpt not found verbatim in source "${c.source}": "${clip(words)}"`);
      return;
    }
    const found = anchor(text, c, MAX_OCCURRENCES);
    if ((c.prefix !== undefined || c.suffix !== undefined) && !found.selected) {
      add(
        `${path}.${c.prefix !== undefined ? 'prefix' : 'suffix'}`,
        `no occurrence of the excerpt in source "${c.source}" has this ${c.prefix !== undefined ? 'prefix' : 'suffix'}${c.prefix !== undefined && c.suffix !== undefined ? ' and suffix' : ''}`,
      );
    } else if (c.prefix === undefined && c.suffix === undefined && found.others + 1 > MAX_OCCURRENCES) {
      add(
        `${path}.excerpt`,
        `occurs more than ${MAX_OCCURRENCES} times in source "${c.source}": add a prefix or suffix (the words just before or after it) to say which is meant: "${clip(words)}"`,
      );
    }
  };
  const citations = (path: string, list: readonly Citation[]) => list.forEach((c, i) => excerpt(`${path}.citations[${i}]`, c));
  const prose = (path: string, text: string | undefined) => {
    if (text === undefined) return;
    for (const id of sourceRefIds(text)) {
      if (!ids.sources.has(id)) add(path, `refers to source "${id}" as [[src:${id}]], which is not in sources`);
    }
  };

  dataset.sources.forEach((s, i) => {
    const path = `sources[${i}]`;
    const text = texts.get(s.id);
    if (typeof text === 'object') {
      add(`${path}.textPath`, `the text of source "${s.id}": textPath “${clip(s.textPath ?? '')}” ${text.failed}`);
      return;
    }
    if (text === undefined) {
      add(
        `${path}.${s.text === undefined ? 'textPath' : 'text'}`,
        `the text of source "${s.id}" could not be loaded${s.textPath ? ` from "${s.textPath}"` : ''}`,
      );
      return;
    }
    prose(`${path}.notes`, s.notes);
    if (s.outletExcerpt !== undefined && !text.includes(s.outletExcerpt)) {
      add(`${path}.outletExcerpt`, `not found verbatim in the source's own text: "${clip(s.outletExcerpt)}"`);
    }
  });

  dataset.actors.forEach((a, i) => citations(`actors[${i}]`, a.citations));

  dataset.events.forEach((e, i) => {
    const path = `events[${i}]`;
    e.actors.forEach((id, j) => ref(`${path}.actors[${j}]`, 'actors', id, 'actor'));
    ref(`${path}.initiatedBy`, 'actors', e.initiatedBy, 'actor');
    prose(`${path}.summary`, e.summary);
    if (e.end && compareIsoDates(e.end.value, e.date.value) < 0) {
      add(`${path}.end.value`, `ends (${e.end.value}) before it starts (${e.date.value})`);
    }
    citations(path, e.citations);
  });

  dataset.quotes.forEach((q, i) => {
    const path = `quotes[${i}]`;
    ref(`${path}.speaker`, 'actors', q.speaker, 'actor');
    ref(`${path}.onBehalfOf`, 'actors', q.onBehalfOf, 'actor');
    ref(`${path}.event`, 'events', q.event, 'event');
    citations(path, q.citations);
  });

  const parentOf = new Map(dataset.aid.map((a) => [a.id, a.partOf]));
  dataset.aid.forEach((a, i) => {
    const path = `aid[${i}]`;
    ref(`${path}.donor`, 'actors', a.donor, 'actor');
    ref(`${path}.recipient`, 'actors', a.recipient, 'actor');
    ref(`${path}.partOf`, 'aid', a.partOf, 'aid item');
    ref(`${path}.event`, 'events', a.event, 'event');
    prose(`${path}.notes`, a.notes);
    if (a.partOf !== undefined && partOfCycle(a.id, parentOf))
      add(`${path}.partOf`, `"${a.id}" is part of itself through the partOf chain`);
    if (a.effective && effectiveBeforeAnnounced(a.announced, a.effective)) {
      add(`${path}.effective.value`, `takes effect (${a.effective.value}) before it was announced (${a.announced.value})`);
    }
    citations(path, a.citations);
  });

  dataset.discrepancies.forEach((d, i) => {
    const path = `discrepancies[${i}]`;
    prose(`${path}.summary`, d.summary);
    d.versions.forEach((v, j) => {
      excerpt(`${path}.versions[${j}]`, v);
      prose(`${path}.versions[${j}].reading`, v.reading);
    });
    d.concerns.events.forEach((id, j) => ref(`${path}.concerns.events[${j}]`, 'events', id, 'event'));
    d.concerns.quotes.forEach((id, j) => ref(`${path}.concerns.quotes[${j}]`, 'quotes', id, 'quote'));
    d.concerns.aid.forEach((id, j) => ref(`${path}.concerns.aid[${j}]`, 'aid', id, 'aid item'));
    d.concerns.actors.forEach((id, j) => ref(`${path}.concerns.actors[${j}]`, 'actors', id, 'actor'));
  });

  const summarised = new Set([...ids.events, ...ids.quotes, ...ids.aid, ...ids.discrepancies]);
  (dataset.keyPoints ?? []).forEach((p, i) => {
    const path = `keyPoints[${i}]`;
    p.about?.forEach((id, j) => {
      if (!summarised.has(id)) add(`${path}.about[${j}]`, `refers to "${id}", which is not an event, quote, aid item or discrepancy`);
    });
    citations(path, p.citations);
  });

  return problems;
}

function partOfCycle(id: string, parent: ReadonlyMap<string, string | undefined>): boolean {
  const seen = new Set<string>();
  let at = parent.get(id);
  while (at !== undefined && !seen.has(at)) {
    if (at === id) return true;
    seen.add(at);
    at = parent.get(at);
  }
  return false;
}

/** An item cannot take effect before it is announced, unless the dates are too vague to tell. */
function effectiveBeforeAnnounced(announced: FuzzyDate, effective: FuzzyDate): boolean {
  if (announced.precision === 'approximate' || effective.precision === 'approximate') return false;
  return compareIsoDates(effective.value, announced.value) < 0;
}

function clip(s: string, max = 80): string {
  return clipGraphemes(s, max);
}

export function countRecords(dataset: Dataset): Counts {
  const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, dataset[t].length])) as Counts;
  counts.citations =
    dataset.actors.reduce((n, r) => n + r.citations.length, 0) +
    dataset.events.reduce((n, r) => n + r.citations.length, 0) +
    dataset.quotes.reduce((n, r) => n + r.citations.length, 0) +
    dataset.aid.reduce((n, r) => n + r.citations.length, 0) +
    dataset.discrepancies.reduce((n, r) => n + r.versions.length, 0) +
    (dataset.keyPoints ?? []).reduce((n, r) => n + r.citations.length, 0);
  if (dataset.keyPoints) counts.keyPoints = dataset.keyPoints.length;
  return counts;
}

/** Inline texts first; the rest come from `loadText` (a file read in Node, a fetch in the browser). */
export function inlineTexts(dataset: Dataset): Map<string, TextLoad> {
  return new Map(dataset.sources.filter((s) => s.text !== undefined).map((s) => [s.id, s.text]));
}

/** The whole check, for a dataset whose source texts are already at hand. */
export function validateParsed(raw: unknown, texts: (dataset: Dataset) => SourceTexts): ValidationResult {
  const shape = checkShape(raw);
  return shape.ok ? capProblems(finishValidation(shape.dataset, texts(shape.dataset))) : shape;
}

/** The cross-record checks on a dataset whose shape has already passed. */
function finishValidation(dataset: Dataset, texts: SourceTexts): ValidationResult {
  const problems = checkReferences(dataset, texts);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset, counts: countRecords(dataset), warnings: [] };
}

/**
 * The one entry used by the app, the tests and the command line: parse, check shape, fetch the
 * article texts that are not inline, then check references and excerpts.
 */
export async function validateDatasetText(text: string, loadText: (textPath: string) => Promise<TextLoad>): Promise<ValidationResult> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const shape = checkShape(parsed.value);
  if (!shape.ok) return shape;
  const texts = inlineTexts(shape.dataset);
  await Promise.all(
    shape.dataset.sources
      .filter((s) => s.text === undefined && s.textPath !== undefined)
      .map(async (s) => {
        texts.set(s.id, await loadText(s.textPath as string).catch(() => undefined));
      }),
  );
  // The shape has passed: check references on it directly rather than running the schema twice.
  const result = capProblems(finishValidation(shape.dataset, texts));
  return result.ok ? { ...result, warnings: duplicateKeyWarnings(text) } : result;
}
