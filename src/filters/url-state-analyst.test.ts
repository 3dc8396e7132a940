import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';
import { parseView } from './url-state';

const index = buildIndex(Dataset.parse(validDataset()));
const view = (query: string) => parseView(new URLSearchParams(query), index);

describe('analyst tool parameters', () => {
  it('reads two events to compare, and drops what is not an event with a notice', () => {
    expect(view('cmp=ev-call,ev-summit').compare).toEqual(['ev-call', 'ev-summit']);
    const v = view('cmp=ev-call,q-stand,nope');
    expect(v.compare).toEqual(['ev-call']);
    expect(v.notices).toEqual(['Ignored unknown event to compare: “q-stand”, “nope”']);
    expect(view('').compare).toEqual([]);
  });

  it('keeps at most two events', () => {
    const d = validDataset();
    d.events.push({ ...d.events[1], id: 'ev-third' });
    const v = parseView(new URLSearchParams('cmp=ev-call,ev-summit,ev-third'), buildIndex(Dataset.parse(d)));
    expect(v.compare).toEqual(['ev-call', 'ev-summit']);
    expect(v.notices[0]).toMatch(/Only two events can be compared; ignored “ev-third”/);
  });

  it('reads the single-source option and knows the tray parameter', () => {
    expect(view('cov=single').singleSource).toBe(true);
    expect(view('').singleSource).toBe(false);
    expect(view('cov=some').notices).toEqual(['Ignored coverage option “some”']);
    expect(view('tray=ev-call').notices).toEqual([]);
  });
});
