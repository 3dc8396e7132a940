import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { select, NO_FILTERS } from '../dataset/select';
import { validDataset } from '../testing/test-fixtures';
import {
  aidTable,
  discrepanciesTable,
  escapeCell,
  eventsTable,
  quotesTable,
  recordsTable,
  toJson,
  unescapeCell,
  type ExportTable,
} from './tables';
import { fromCsv, toCsv } from './csv';

/** The valid fixture, with values that break naive CSV writers and spreadsheet importers. */
function nastyIndex() {
  const d = Dataset.parse(validDataset());
  d.sources[0].outlet = '=HYPERLINK("http://x", "AFP, Paris")';
  d.sources[1].outlet = 'Kyiv "Daily", Ltd';
  d.events[0].title = 'Call, then "talks"\nsecond line';
  d.events[0].summary = '+1 said, @everyone: "fine"';
  d.events[0].citations[0].excerpt = '-“Quoted”, with\r\nCRLF, commas, and ”\nKyiv "Daily", Ltd: “ inside';
  d.events[1].summary = "'already quoted";
  d.quotes[0].text = '@ the start, and a tab\there';
  d.quotes[0].citations[0].excerpt = '=1+1';
  d.aid[0].notes = '\tleading tab';
  return buildIndex(d);
}

function tablesOf(index: ReturnType<typeof nastyIndex>): ExportTable[] {
  const s = select(index, NO_FILTERS);
  return [
    eventsTable(s.events, index),
    quotesTable(s.quotes, index),
    aidTable(s.aid, index),
    discrepanciesTable(s.discrepancies, index),
    recordsTable(s.rows, index),
  ];
}

describe('escapeCell', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as a formula', () => {
    for (const v of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(escapeCell(v)).toBe(`'${v}`);
    for (const v of ['plain', ' =not first', '1+1', '', 'a-b']) expect(escapeCell(v)).toBe(v);
  });

  it('is undone exactly, including cells that began with an apostrophe', () => {
    for (const v of ['=SUM(A1)', "'quoted", "''two", "'", 'plain', '-', "'=x"]) expect(unescapeCell(escapeCell(v))).toBe(v);
  });
});

describe('toCsv / fromCsv', () => {
  it('round-trips every table: same records, same citations, in the same order', () => {
    const index = nastyIndex();
    for (const table of tablesOf(index)) {
      const back = fromCsv(toCsv(table));
      expect(back.columns, table.name).toEqual(table.columns);
      expect(back.rows, table.name).toEqual(table.rows);
    }
  });

  it('writes one row per record with each citation readable in its own cell', () => {
    const index = nastyIndex();
    const table = eventsTable(select(index, NO_FILTERS).events, index);
    const raw = Papa.parse<string[]>(toCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(raw).toHaveLength(1 + table.rows.length);
    const header = raw[0];
    expect(header.slice(-4)).toEqual(['outlets', 'citation sources', 'citation 1', 'citation 2']);
    const call = raw.find((r) => r[0] === 'ev-call')!;
    expect(call[header.indexOf('citation sources')]).toBe('src-wire; src-site');
    expect(call[header.indexOf('citation 2')]).toBe('Kyiv "Daily", Ltd: “Zelensky thanked Biden for the call”');
    // The outlet begins with "=", so the cell is defused for spreadsheets.
    expect(call[header.indexOf('citation 1')].startsWith(`'=HYPERLINK(`)).toBe(true);
    expect(call[header.indexOf('summary')]).toBe(`'+1 said, @everyone: "fine"`);
  });

  it('never leaves a formula-looking cell in the raw file', () => {
    const index = nastyIndex();
    for (const table of tablesOf(index)) {
      const raw = Papa.parse<string[]>(toCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      for (const row of raw) for (const cell of row) expect(cell, `${table.name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('quotes fields so that commas, quotes and line breaks stay inside their cell', () => {
    const index = nastyIndex();
    const csv = toCsv(eventsTable(select(index, NO_FILTERS).events, index));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Call, then ""talks""\nsecond line"');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFid,date,end,/);
  });

  it('refuses a CSV that is not one of ours', () => {
    expect(() => fromCsv('a,b\r\n1,2')).toThrow(/not a briefing export/);
  });
});

describe('toJson', () => {
  it('carries the records with their citations and outlets, and the view they came from', () => {
    const index = nastyIndex();
    const s = select(index, NO_FILTERS);
    const json = JSON.parse(
      toJson(quotesTable(s.quotes, index), {
        title: 'T',
        version: '1',
        date: '2024-07-15',
        filters: 'No filters',
        view: 'http://x/?q=1',
        madeAt: '2024-08-01T00:00:00.000Z',
      }),
    );
    expect(json.count).toBe(1);
    expect(json.records[0].text).toBe('@ the start, and a tab\there');
    expect(json.records[0].citations).toEqual([{ source: 'src-wire', outlet: '=HYPERLINK("http://x", "AFP, Paris")', excerpt: '=1+1' }]);
    expect(json.dataset).toEqual({ title: 'T', version: '1', date: '2024-07-15' });
  });

  it('lists every version of a discrepancy with its outlet', () => {
    const index = nastyIndex();
    const table = discrepanciesTable(select(index, NO_FILTERS).discrepancies, index);
    const rec = table.records[0] as { versions: { outlet: string; reading: string }[] };
    expect(rec.versions.map((v) => v.outlet)).toEqual(['=HYPERLINK("http://x", "AFP, Paris")', 'Kyiv "Daily", Ltd']);
    expect(table.rows[0].values['reading 2']).toBe('The call was on July 3.');
  });
});

describe('recordsTable', () => {
  it('holds every shown record once, by type', () => {
    const index = nastyIndex();
    const s = select(index, { ...NO_FILTERS, actors: ['zelensky'] });
    const table = recordsTable(s.rows, index);
    expect(table.rows.map((r) => `${r.values.type}:${r.id}`)).toEqual(['event:ev-call', 'discrepancy:disc-call-date']);
  });
});

describe('toCsv at scale', () => {
  it('writes 140,000 records without overflowing the stack', () => {
    const rows = Array.from({ length: 140_000 }, (_, i) => ({
      id: `r-${i}`,
      values: { id: `r-${i}` },
      citations:
        i === 7
          ? [
              { source: 's', outlet: 'O', excerpt: 'a' },
              { source: 's', outlet: 'O', excerpt: 'b' },
            ]
          : [],
    }));
    const csv = toCsv({ name: 'records', columns: ['id'], rows, records: [] });
    expect(csv.split('\r\n')[0]).toContain('citation 2');
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(140_001);
  });
});
