import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { Dataset, RECORD_TYPES, type FuzzyDate, type RecordType } from './schema';

/** One thing wrong with a dataset: where (a JSON path such as `events[3].date.value`) and what. */
export interface Problem {
  path: string;
  message: string;
}

export type Counts = Record<RecordType | 'citations', number> & { keyPoints?: number };

export type ShapeResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export type ValidationResult = { ok: true; dataset: Dataset; counts: Counts } | { ok: false; problems: Problem[] };

/** Article texts by source id; `undefined` where a source's text could not be had. */
export type SourceTexts = ReadonlyMap<string, string | undefined>;

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

function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, clip(key)]), message: `unknown field "${clip(key)}"` }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/** Types and required fields: everything one record can say about itself. */
export function checkShape(raw: unknown): ShapeResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const found = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    return {
      ok: false,
      problems: [{ path: '(root)', message: `expected a dataset object with title, version, sources, … but found ${found}` }],
    };
  }
  const result = Dataset.safeParse(raw);
  return result.success ? { ok: true, dataset: result.data } : { ok: false, problems: zodProblems(result.error) };
}

/** Compares two ISO dates at the precision both share ("2024-07" vs "2024-07-12" compares months). */
export function compareIsoDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

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

  const excerpt = (path: string, sourceId: string, words: string) => {
    if (!ids.sources.has(sourceId)) {
      add(`${path}.source`, `refers to source "${sourceId}", which is not in sources`);
      return;
    }
    const text = texts.get(sourceId);
    if (text === undefined) return; // reported once per source below
    if (!text.includes(words)) {
      add(`${path}.excerpt`, `excerpt not found verbatim in source "${sourceId}": "${clip(words)}"`);
    }
  };
  const citations = (path: string, list: readonly { source: string; excerpt: string }[]) =>
    list.forEach((c, i) => excerpt(`${path}.citations[${i}]`, c.source, c.excerpt));

  dataset.sources.forEach((s, i) => {
    const path = `sources[${i}]`;
    const text = texts.get(s.id);
    if (text === undefined) {
      add(
        `${path}.${s.text === undefined ? 'textPath' : 'text'}`,
        `the text of source "${s.id}" could not be loaded${s.textPath ? ` from "${s.textPath}"` : ''}`,
      );
      return;
    }
    if (s.outletExcerpt !== undefined && !text.includes(s.outletExcerpt)) {
      add(`${path}.outletExcerpt`, `not found verbatim in the source's own text: "${clip(s.outletExcerpt)}"`);
    }
  });

  dataset.actors.forEach((a, i) => citations(`actors[${i}]`, a.citations));

  dataset.events.forEach((e, i) => {
    const path = `events[${i}]`;
    e.actors.forEach((id, j) => ref(`${path}.actors[${j}]`, 'actors', id, 'actor'));
    ref(`${path}.initiatedBy`, 'actors', e.initiatedBy, 'actor');
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
    if (a.partOf !== undefined && partOfCycle(a.id, parentOf))
      add(`${path}.partOf`, `"${a.id}" is part of itself through the partOf chain`);
    if (a.effective && effectiveBeforeAnnounced(a.announced, a.effective)) {
      add(`${path}.effective.value`, `takes effect (${a.effective.value}) before it was announced (${a.announced.value})`);
    }
    citations(path, a.citations);
  });

  dataset.discrepancies.forEach((d, i) => {
    const path = `discrepancies[${i}]`;
    d.versions.forEach((v, j) => excerpt(`${path}.versions[${j}]`, v.source, v.excerpt));
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
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
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
export function inlineTexts(dataset: Dataset): Map<string, string | undefined> {
  return new Map(dataset.sources.filter((s) => s.text !== undefined).map((s) => [s.id, s.text]));
}

/** The whole check, for a dataset whose source texts are already at hand. */
export function validateParsed(raw: unknown, texts: (dataset: Dataset) => SourceTexts): ValidationResult {
  const shape = checkShape(raw);
  return shape.ok ? finishValidation(shape.dataset, texts(shape.dataset)) : shape;
}

/** The cross-record checks on a dataset whose shape has already passed. */
function finishValidation(dataset: Dataset, texts: SourceTexts): ValidationResult {
  const problems = checkReferences(dataset, texts);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset, counts: countRecords(dataset) };
}

/**
 * The one entry used by the app, the tests and the command line: parse, check shape, fetch the
 * article texts that are not inline, then check references and excerpts.
 */
export async function validateDatasetText(
  text: string,
  loadText: (textPath: string) => Promise<string | undefined>,
): Promise<ValidationResult> {
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
  return finishValidation(shape.dataset, texts);
}
