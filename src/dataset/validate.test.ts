import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetInput } from './schema';
import { RECORD_TYPES, compareIsoDates, isRealIsoDate } from './formats';
import { loose, mutated, validDataset } from '../testing/test-fixtures';
import {
  checkReferences,
  checkShape,
  countRecords,
  formatPath,
  parseJson,
  validateDatasetText,
  validateParsed,
  type Problem,
  type ValidationResult,
} from './validate';

/** A loader for datasets whose texts are all inline: it must never be asked for anything. */
const noLoader = async (textPath: string): Promise<string | undefined> => {
  throw new Error(`unexpected loadText("${textPath}")`);
};

function validate(dataset: unknown, loadText: (textPath: string) => Promise<string | undefined> = noLoader): Promise<ValidationResult> {
  return validateDatasetText(JSON.stringify(dataset, null, 2), loadText);
}

function problemsOf(result: ValidationResult): Problem[] {
  if (result.ok) throw new Error('expected the dataset to be refused, but it was accepted');
  return result.problems;
}

/** Validates a copy of the valid dataset with one fault planted, and returns what was reported. */
async function faultsOf(
  mutate: (d: DatasetInput) => void,
  loadText?: (textPath: string) => Promise<string | undefined>,
): Promise<Problem[]> {
  return problemsOf(await validate(mutated(mutate), loadText));
}

/** Exactly one problem, at `path`, whose message matches `message`. */
async function expectOnlyFault(
  mutate: (d: DatasetInput) => void,
  path: string,
  message: RegExp,
  loadText?: (textPath: string) => Promise<string | undefined>,
): Promise<void> {
  const problems = await faultsOf(mutate, loadText);
  expect(problems).toEqual([{ path, message: expect.stringMatching(message) }]);
}

describe('the valid dataset', () => {
  it('is accepted with exact counts per record type and citations', async () => {
    const result = await validate(validDataset());
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.counts).toEqual({
      sources: 2,
      actors: 3,
      events: 2,
      quotes: 1,
      aid: 2,
      discrepancies: 1,
      // actors 3 + events 2+1 + quotes 1 + aid 1+1 + discrepancy versions 2
      citations: 11,
    });
    expect(result.dataset.aid[1].partOf).toBe('aid-pkg');
  });

  it('fills schema defaults (aliases, discrepancy concerns) in the returned dataset', async () => {
    const result = await validate(
      mutated((d) => {
        delete d.discrepancies[0].concerns;
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.dataset.actors[1].aliases).toEqual([]);
    expect(result.dataset.discrepancies[0].concerns).toEqual({ events: [], quotes: [], aid: [], actors: [] });
  });

  it('passes through the lower-level API too', () => {
    const d = validDataset();
    const shape = checkShape(d);
    if (!shape.ok) throw new Error(JSON.stringify(shape.problems));
    const texts = new Map(d.sources.map((s) => [s.id, s.text]));
    expect(checkReferences(shape.dataset, texts)).toEqual([]);
    expect(countRecords(shape.dataset).citations).toBe(11);
    const result = validateParsed(d, () => texts);
    expect(result.ok).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', async () => {
    const result = await validateDatasetText(`\uFEFF${JSON.stringify(validDataset())}`, noLoader);
    expect(result.ok).toBe(true);
  });
});

describe('key points', () => {
  const point = (extra: object = {}) => ({
    id: 'kp-package',
    text: 'The US announced a package with a Patriot system.',
    about: ['aid-pkg'],
    citations: [{ source: 'src-wire', excerpt: 'a $225 million package that includes a Patriot air defence system' }],
    ...extra,
  });

  it('are optional, and counted with their citations when present', async () => {
    const result = await validate(mutated((d) => void (d.keyPoints = [point()])));
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.counts.keyPoints).toBe(1);
    expect(result.counts.citations).toBe(12);
  });

  it('need citations whose excerpts are verbatim', async () => {
    await expectOnlyFault(
      (d) => void (d.keyPoints = [point({ citations: [{ source: 'src-wire', excerpt: 'a $225m package' }] })]),
      'keyPoints[0].citations[0].excerpt',
      /excerpt not found verbatim in source "src-wire"/,
    );
    await expectOnlyFault((d) => void (d.keyPoints = [point({ citations: [] })]), 'keyPoints[0].citations', /at least one citation/);
  });

  it('refer only to records that exist, and take ids no other record has', async () => {
    await expectOnlyFault(
      (d) => void (d.keyPoints = [point({ about: ['aid-pkg', 'nothing'] })]),
      'keyPoints[0].about[1]',
      /"nothing", which is not an event, quote, aid item or discrepancy/,
    );
    await expectOnlyFault((d) => void (d.keyPoints = [point({ id: 'aid-pkg' })]), 'keyPoints[0].id', /duplicate id "aid-pkg"/);
  });
});

describe('JSON syntax and the root value', () => {
  it('locates a truncated file by line and column', async () => {
    // Line 3 is `  "sources": [` (14 characters); the file ends right after it.
    const text = '{\n  "title": "x",\n  "sources": [';
    const problems = problemsOf(await validateDatasetText(text, noLoader));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.path).toBe('(file) line 3, column 15');
      expect(p.message).toMatch(/JSON syntax error/);
    }
    expect(problems.map((p) => p.message).join('\n')).toMatch(/cut short/);
  });

  it('locates a syntax error in the middle of a file', () => {
    // Line 3 is `  "version" "1"`: the ':' is missing before the "1" in column 13.
    const result = parseJson('{\n  "title": "x",\n  "version" "1"\n}');
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '(file) line 3, column 13', message: "JSON syntax error: expected ':'" }],
    });
  });

  it('locates an error in a real dataset cut off mid-way', async () => {
    const full = JSON.stringify(validDataset(), null, 2);
    const cut = full.slice(0, full.indexOf('"actors"'));
    const lines = cut.split('\n');
    const expected = `(file) line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
    const problems = problemsOf(await validateDatasetText(cut, noLoader));
    expect(problems.map((p) => p.path)).toContain(expected);
  });

  it('refuses an empty file', async () => {
    for (const text of ['', '   \n\t', '\uFEFF']) {
      const problems = problemsOf(await validateDatasetText(text, noLoader));
      expect(problems).toEqual([{ path: '(file)', message: expect.stringMatching(/empty/) }]);
    }
  });

  it('refuses null at the root', async () => {
    const problems = problemsOf(await validateDatasetText('null', noLoader));
    expect(problems).toEqual([{ path: '(root)', message: expect.stringMatching(/found null/) }]);
  });

  it('refuses an array at the root', async () => {
    const problems = problemsOf(await validateDatasetText(JSON.stringify([validDataset()]), noLoader));
    expect(problems).toEqual([{ path: '(root)', message: expect.stringMatching(/found an array/) }]);
  });

  it('refuses a string at the root', async () => {
    const problems = problemsOf(await validateDatasetText('"briefing"', noLoader));
    expect(problems).toEqual([{ path: '(root)', message: expect.stringMatching(/found a string/) }]);
  });
});

describe('shape faults', () => {
  it('reports a number where a string is expected, at the nested path', async () => {
    await expectOnlyFault(
      (d) => {
        loose(d.events[1]).title = 42;
      },
      'events[1].title',
      /expected string, received number/,
    );
  });

  it('reports a number where a string is expected deep inside a citation', async () => {
    await expectOnlyFault(
      (d) => {
        loose(d.aid[1].citations[0]).excerpt = 7;
      },
      'aid[1].citations[0].excerpt',
      /expected string, received number/,
    );
  });

  it('reports a missing required field', async () => {
    await expectOnlyFault(
      (d) => {
        delete loose(d.quotes[0]).speaker;
      },
      'quotes[0].speaker',
      /expected string, received undefined/,
    );
  });

  it('reports a missing top-level array', async () => {
    await expectOnlyFault(
      (d) => {
        delete loose(d).discrepancies;
      },
      'discrepancies',
      /expected array, received undefined/,
    );
  });

  it('reports a misspelt key at its own path, and the missing key at its path', async () => {
    const problems = await faultsOf((d) => {
      const event = loose(d.events[1]);
      event.titel = event.title;
      delete event.title;
    });
    expect(problems).toEqual([
      { path: 'events[1].title', message: expect.stringMatching(/expected string, received undefined/) },
      { path: 'events[1].titel', message: 'unknown field "titel"' },
    ]);
  });

  it('reports an unknown extra key at the root', async () => {
    await expectOnlyFault(
      (d) => {
        loose(d).auther = 'me';
      },
      'auther',
      /unknown field "auther"/,
    );
  });

  it('reports an unknown key inside a date', async () => {
    await expectOnlyFault(
      (d) => {
        loose(d.events[0].date).precison = 'day';
      },
      'events[0].date.precison',
      /unknown field "precison"/,
    );
  });

  it('reports a value outside an enum', async () => {
    await expectOnlyFault(
      (d) => {
        loose(d.aid[0]).status = 'shipped';
      },
      'aid[0].status',
      /expected one of/,
    );
  });

  it('reports an id that does not match the id pattern', async () => {
    await expectOnlyFault(
      (d) => {
        d.actors[2].id = 'united states';
      },
      'actors[2].id',
      /must be an id/,
    );
  });

  it('reports a blank (whitespace-only) summary', async () => {
    await expectOnlyFault(
      (d) => {
        d.events[0].summary = '   ';
      },
      'events[0].summary',
      /must not be empty/,
    );
  });

  it('reports a record without citations', async () => {
    await expectOnlyFault(
      (d) => {
        d.actors[0].citations = [];
      },
      'actors[0].citations',
      /at least one citation/,
    );
  });
});

describe('dates', () => {
  it('reports a malformed date (2024-7-1)', async () => {
    const problems = await faultsOf((d) => {
      d.events[1].date.value = '2024-7-1';
    });
    expect(problems).toContainEqual({
      path: 'events[1].date.value',
      message: expect.stringMatching(/must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD/),
    });
    // Nothing anywhere else. (The schema currently adds a second, redundant "is not a real
    // calendar date" at the same path, because the calendar refine runs after the pattern fails.)
    expect(new Set(problems.map((p) => p.path))).toEqual(new Set(['events[1].date.value']));
  });

  it('reports an impossible day (2024-02-30)', async () => {
    await expectOnlyFault(
      (d) => {
        d.quotes[0].date.value = '2024-02-30';
      },
      'quotes[0].date.value',
      /not a real calendar date/,
    );
  });

  it('reports an impossible month (2024-13)', async () => {
    await expectOnlyFault(
      (d) => {
        d.sources[1].published.value = '2024-13';
      },
      'sources[1].published.value',
      /not a real calendar date/,
    );
  });

  it('reports an impossible dataset date at the root', async () => {
    await expectOnlyFault(
      (d) => {
        d.date = '2023-02-29';
      },
      'date',
      /not a real calendar date/,
    );
  });

  it('reports aid that takes effect before it was announced', async () => {
    await expectOnlyFault(
      (d) => {
        d.aid[1].effective = { value: '2024-06-20', precision: 'day' };
      },
      'aid[1].effective.value',
      /takes effect \(2024-06-20\) before it was announced \(2024-07-02\)/,
    );
  });

  it('compares effective and announced at the precision they share', async () => {
    await expectOnlyFault(
      (d) => {
        d.aid[1].effective = { value: '2024-06', precision: 'month' };
      },
      'aid[1].effective.value',
      /before it was announced/,
    );
    // Same month: cannot tell, so not a fault.
    const sameMonth = await validate(
      mutated((d) => {
        d.aid[1].effective = { value: '2024-07', precision: 'month' };
      }),
    );
    expect(sameMonth.ok).toBe(true);
  });

  it('does not report effective-before-announced when the announcement date is approximate', async () => {
    const result = await validate(
      mutated((d) => {
        d.aid[1].announced = { value: '2024-07-02', precision: 'approximate', as: 'early July' };
        d.aid[1].effective = { value: '2024-06-20', precision: 'day' };
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('reports an event that ends before it starts', async () => {
    await expectOnlyFault(
      (d) => {
        d.events[1].end = { value: '2024-07-08', precision: 'day' };
      },
      'events[1].end.value',
      /ends \(2024-07-08\) before it starts \(2024-07-09\)/,
    );
  });

  it('accepts an event that ends on the day it starts', async () => {
    const result = await validate(
      mutated((d) => {
        d.events[1].end = { value: '2024-07-09', precision: 'day' };
      }),
    );
    expect(result.ok).toBe(true);
  });
});

describe('ids and references', () => {
  it('reports a source referred to in prose as [[src:…]] that is not in sources, with its path', async () => {
    await expectOnlyFault(
      (d) => {
        d.discrepancies[0].summary = 'Only [[src:nowhere]] says so.';
      },
      'discrepancies[0].summary',
      /refers to source "nowhere" as \[\[src:nowhere\]\], which is not in sources/,
    );
    await expectOnlyFault(
      (d) => {
        d.discrepancies[0].versions[0].reading = `As [[src:${d.sources[0].id}]] has it, and [[src:gone]] too.`;
      },
      'discrepancies[0].versions[0].reading',
      /source "gone"/,
    );
    await expectOnlyFault(
      (d) => {
        d.events[0].summary = `Reported by [[src:${d.sources[0].id}]] and [[src:missing]].`;
      },
      'events[0].summary',
      /source "missing"/,
    );
  });

  it('reports a duplicate id within one record type', async () => {
    await expectOnlyFault(
      (d) => {
        d.events[1].id = 'ev-call';
      },
      'events[1].id',
      /duplicate id "ev-call" \(first used at events\[0\]\.id\)/,
    );
  });

  it('reports a duplicate id across two record types', async () => {
    await expectOnlyFault(
      (d) => {
        d.quotes[0].id = 'biden';
      },
      'quotes[0].id',
      /duplicate id "biden" \(first used at actors\[0\]\.id\)/,
    );
  });

  it('reports a citation of a missing source', async () => {
    await expectOnlyFault(
      (d) => {
        d.events[0].citations[1].source = 'src-gone';
      },
      'events[0].citations[1].source',
      /source "src-gone", which is not in sources/,
    );
  });

  it('reports a discrepancy version citing a missing source', async () => {
    await expectOnlyFault(
      (d) => {
        d.discrepancies[0].versions[1].source = 'src-gone';
      },
      'discrepancies[0].versions[1].source',
      /source "src-gone", which is not in sources/,
    );
  });

  it('reports a missing actor in an event', async () => {
    await expectOnlyFault(
      (d) => {
        d.events[0].actors[1] = 'zelenskyy';
      },
      'events[0].actors[1]',
      /actor "zelenskyy", which is not in actors/,
    );
  });

  it('reports a missing actor as initiator, speaker and donor', async () => {
    await expectOnlyFault((d) => void (d.events[0].initiatedBy = 'nobody'), 'events[0].initiatedBy', /actor "nobody"/);
    await expectOnlyFault((d) => void (d.quotes[0].speaker = 'nobody'), 'quotes[0].speaker', /actor "nobody"/);
    await expectOnlyFault((d) => void (d.quotes[0].onBehalfOf = 'nobody'), 'quotes[0].onBehalfOf', /actor "nobody"/);
    await expectOnlyFault((d) => void (d.aid[0].donor = 'nobody'), 'aid[0].donor', /actor "nobody"/);
    await expectOnlyFault((d) => void (d.aid[0].recipient = 'nobody'), 'aid[0].recipient', /actor "nobody"/);
  });

  it('reports a missing event', async () => {
    await expectOnlyFault(
      (d) => {
        d.quotes[0].event = 'ev-missing';
      },
      'quotes[0].event',
      /event "ev-missing", which is not in events/,
    );
  });

  it('reports an aid item that is part of a missing item', async () => {
    await expectOnlyFault(
      (d) => {
        d.aid[1].partOf = 'aid-pkg2';
      },
      'aid[1].partOf',
      /aid item "aid-pkg2", which is not in aid/,
    );
  });

  it('reports an aid item that is part of itself', async () => {
    await expectOnlyFault(
      (d) => {
        d.aid[1].partOf = 'aid-patriot';
      },
      'aid[1].partOf',
      /part of itself/,
    );
  });

  it('reports a partOf loop between two items', async () => {
    const problems = await faultsOf((d) => {
      d.aid[0].partOf = d.aid[1].id;
      d.aid[1].partOf = d.aid[0].id;
    });
    expect(problems.map((p) => p.path)).toEqual(['aid[0].partOf', 'aid[1].partOf']);
  });

  it('reports a reference to an id of the wrong record type', async () => {
    // "ev-call" exists, but it is an event, not an aid item.
    await expectOnlyFault(
      (d) => {
        d.aid[1].partOf = 'ev-call';
      },
      'aid[1].partOf',
      /aid item "ev-call", which is not in aid/,
    );
  });

  it('reports missing records among discrepancy concerns', async () => {
    await expectOnlyFault(
      (d) => void (d.discrepancies[0].concerns = { events: ['ev-call', 'ev-gone'] }),
      'discrepancies[0].concerns.events[1]',
      /event "ev-gone", which is not in events/,
    );
    await expectOnlyFault(
      (d) => void (d.discrepancies[0].concerns = { quotes: ['q-gone'] }),
      'discrepancies[0].concerns.quotes[0]',
      /quote "q-gone", which is not in quotes/,
    );
    await expectOnlyFault(
      (d) => void (d.discrepancies[0].concerns = { aid: ['aid-gone'] }),
      'discrepancies[0].concerns.aid[0]',
      /aid item "aid-gone", which is not in aid/,
    );
    await expectOnlyFault(
      (d) => void (d.discrepancies[0].concerns = { actors: ['biden', 'zelensky', 'putin'] }),
      'discrepancies[0].concerns.actors[2]',
      /actor "putin", which is not in actors/,
    );
  });

  it('reports every reference fault at once, not just the first', async () => {
    const problems = await faultsOf((d) => {
      d.events[0].actors[0] = 'nobody';
      d.quotes[0].event = 'ev-missing';
      d.aid[1].partOf = 'aid-missing';
      d.aid[0].citations[0].source = 'src-missing';
      d.discrepancies[0].concerns = { events: ['ev-call'], actors: ['ghost'] };
      d.actors[1].id = 'biden';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'actors[1].id', message: expect.stringMatching(/duplicate id "biden"/) },
        { path: 'events[0].actors[0]', message: expect.stringMatching(/actor "nobody"/) },
        // zelensky's id was changed, so events[0].actors[1] and the discrepancy no longer find it.
        { path: 'events[0].actors[1]', message: expect.stringMatching(/actor "zelensky"/) },
        { path: 'quotes[0].event', message: expect.stringMatching(/event "ev-missing"/) },
        { path: 'aid[1].partOf', message: expect.stringMatching(/aid item "aid-missing"/) },
        { path: 'aid[0].citations[0].source', message: expect.stringMatching(/source "src-missing"/) },
        { path: 'discrepancies[0].concerns.actors[0]', message: expect.stringMatching(/actor "ghost"/) },
      ]),
    );
    expect(problems).toHaveLength(7);
  });
});

describe('verbatim excerpts', () => {
  it('reports an excerpt with straight quotes where the source has curly ones', async () => {
    await expectOnlyFault(
      (d) => {
        d.quotes[0].citations[0].excerpt = '"We will stand with Ukraine," Biden said.';
      },
      'quotes[0].citations[0].excerpt',
      /not found verbatim in source "src-wire"/,
    );
  });

  it('reports an excerpt that is in the other source, not the one cited', async () => {
    await expectOnlyFault(
      (d) => {
        d.actors[0].citations[0].source = 'src-site';
      },
      'actors[0].citations[0].excerpt',
      /not found verbatim in source "src-site"/,
    );
  });

  it('reports a discrepancy version whose excerpt is not verbatim', async () => {
    await expectOnlyFault(
      (d) => {
        d.discrepancies[0].versions[1].excerpt = 'for the call on July 4';
      },
      'discrepancies[0].versions[1].excerpt',
      /not found verbatim/,
    );
  });

  it('reports an outlet excerpt that is not in the source text', async () => {
    await expectOnlyFault(
      (d) => {
        d.sources[0].outletExcerpt = '(Reuters)';
      },
      'sources[0].outletExcerpt',
      /not found verbatim in the source's own text/,
    );
  });
});

describe('sources and their texts', () => {
  it('reports a source with neither textPath nor text', async () => {
    await expectOnlyFault(
      (d) => {
        delete d.sources[1].text;
      },
      'sources[1].textPath',
      /needs textPath or text/,
    );
  });

  it('reports a source whose outlet is named but without outletExcerpt', async () => {
    await expectOnlyFault(
      (d) => {
        delete d.sources[1].outletExcerpt;
      },
      'sources[1].outletExcerpt',
      /needs outletExcerpt/,
    );
  });

  const fromFile = (d: DatasetInput) => {
    delete d.sources[1].text;
    d.sources[1].textPath = 'sources/src-site.txt';
  };

  it('loads a text that is not inline through loadText', async () => {
    const asked: string[] = [];
    const result = await validate(mutated(fromFile), async (path) => {
      asked.push(path);
      return validDataset().sources[1].text;
    });
    expect(result.ok).toBe(true);
    expect(asked).toEqual(['sources/src-site.txt']);
  });

  it('reports a source text that loadText could not find (undefined)', async () => {
    await expectOnlyFault(
      fromFile,
      'sources[1].textPath',
      /text of source "src-site" could not be loaded from "sources\/src-site\.txt"/,
      async () => undefined,
    );
  });

  it('reports a source text whose loading failed (rejected), without throwing', async () => {
    await expectOnlyFault(fromFile, 'sources[1].textPath', /could not be loaded from "sources\/src-site\.txt"/, async () => {
      throw new Error('ENOENT');
    });
  });

  it('reports an unloadable text once, not once per excerpt citing it', async () => {
    const problems = await faultsOf(fromFile, async () => undefined);
    // src-site is cited by events, aid and the discrepancy; none of those is reported.
    expect(problems).toHaveLength(1);
  });

  it('checks excerpts against a loaded text too', async () => {
    await expectOnlyFault(
      (d) => {
        fromFile(d);
        d.aid[1].citations[0].excerpt = 'The Patriot system will arrive in September';
      },
      'aid[1].citations[0].excerpt',
      /not found verbatim in source "src-site"/,
      async () => validDataset().sources[1].text,
    );
  });

  it('refuses a javascript: url', async () => {
    await expectOnlyFault(
      (d) => {
        d.sources[0].url = 'javascript:alert(1)';
      },
      'sources[0].url',
      /must be an http\(s\) URL/,
    );
  });

  it('refuses other non-http(s) urls and accepts http', async () => {
    for (const url of ['ftp://example.com/a', 'file:///etc/passwd', 'data:text/html,hi', 'not a url']) {
      await expectOnlyFault((d) => void (d.sources[0].url = url), 'sources[0].url', /http\(s\) URL/);
    }
    expect((await validate(mutated((d) => void (d.sources[0].url = 'http://example.com/a')))).ok).toBe(true);
  });
});

describe('the shipped dataset', () => {
  const dataDir = new URL('../../public/data/', import.meta.url);

  it('public/data/briefing.json is valid and every record type is non-empty', async () => {
    const text = await readFile(new URL('briefing.json', dataDir), 'utf8');
    const result = await validateDatasetText(text, async (textPath) => {
      // Only paths inside public/data/: no absolute paths, no URLs, no climbing out.
      if (isAbsolute(textPath) || /^[a-z][a-z0-9+.-]*:/i.test(textPath)) return undefined;
      const url = new URL(textPath, dataDir);
      if (!url.href.startsWith(dataDir.href)) return undefined;
      return readFile(url, 'utf8');
    });
    if (!result.ok) {
      const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
      throw new Error(`briefing.json has ${result.problems.length} problem(s):\n${list}`);
    }
    for (const type of RECORD_TYPES) {
      expect(result.counts[type], type).toBeGreaterThan(0);
    }
    expect(result.counts.citations).toBeGreaterThan(0);
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['events', 3, 'date', 'value'])).toBe('events[3].date.value');
    expect(formatPath(['discrepancies', 0, 'concerns', 'aid', 2])).toBe('discrepancies[0].concerns.aid[2]');
    expect(formatPath(['$schema'])).toBe('$schema');
    expect(formatPath([0, 'id'])).toBe('[0].id');
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(formatPath(['sources', 0, 'my key'])).toBe('sources[0]["my key"]');
    expect(formatPath(['a-b', 'c'])).toBe('["a-b"].c');
    expect(formatPath(['x', '3d'])).toBe('x["3d"]');
    expect(formatPath(['x', ''])).toBe('x[""]');
    expect(formatPath(['x', 'say "hi"'])).toBe('x["say \\"hi\\""]');
  });

  it('names the root when the path is empty', () => {
    expect(formatPath([])).toBe('(root)');
  });
});

describe('compareIsoDates', () => {
  it('orders full dates', () => {
    expect(compareIsoDates('2024-07-01', '2024-07-02')).toBe(-1);
    expect(compareIsoDates('2024-07-02', '2024-07-01')).toBe(1);
    expect(compareIsoDates('2024-07-02', '2024-07-02')).toBe(0);
    expect(compareIsoDates('2023-12-31', '2024-01-01')).toBe(-1);
  });

  it('compares only the precision both dates share', () => {
    expect(compareIsoDates('2024-07', '2024-07-12')).toBe(0);
    expect(compareIsoDates('2024-07-12', '2024-07')).toBe(0);
    expect(compareIsoDates('2024', '2024-12-31')).toBe(0);
    expect(compareIsoDates('2024-06', '2024-07-01')).toBe(-1);
    expect(compareIsoDates('2024-08-01', '2024-07')).toBe(1);
    expect(compareIsoDates('2023', '2024-01')).toBe(-1);
  });
});

describe('isRealIsoDate', () => {
  it('knows leap years', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true); // divisible by 4
    expect(isRealIsoDate('2023-02-29')).toBe(false);
    expect(isRealIsoDate('1900-02-29')).toBe(false); // century, not divisible by 400
    expect(isRealIsoDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isRealIsoDate('2024-02-30')).toBe(false);
  });

  it('knows month lengths', () => {
    expect(isRealIsoDate('2024-04-30')).toBe(true);
    expect(isRealIsoDate('2024-04-31')).toBe(false);
    expect(isRealIsoDate('2024-12-31')).toBe(true);
    expect(isRealIsoDate('2024-01-00')).toBe(false);
  });

  it('accepts year and year-month forms, refuses impossible months and malformed text', () => {
    expect(isRealIsoDate('2024')).toBe(true);
    expect(isRealIsoDate('2024-12')).toBe(true);
    expect(isRealIsoDate('2024-13')).toBe(false);
    expect(isRealIsoDate('2024-00')).toBe(false);
    expect(isRealIsoDate('0000')).toBe(false);
    expect(isRealIsoDate('2024-7-1')).toBe(false);
    expect(isRealIsoDate('24-07-01')).toBe(false);
    expect(isRealIsoDate('2024-07-01T00:00')).toBe(false);
    expect(isRealIsoDate('')).toBe(false);
  });
});

describe('syntax errors after a byte-order mark', () => {
  it('reports the column an editor shows, not counting the mark', () => {
    const withMark = parseJson('\uFEFF{"a" 1}');
    const without = parseJson('{"a" 1}');
    expect(withMark.ok || without.ok).toBe(false);
    if (!withMark.ok && !without.ok) {
      expect(withMark.problems[0].path).toBe('(file) line 1, column 6');
      expect(without.problems[0].path).toBe('(file) line 1, column 6');
    }
  });

  it('refuses year 0 at every precision', () => {
    for (const d of ['0000', '0000-01', '0000-01-01']) expect(isRealIsoDate(d)).toBe(false);
  });
});
