import { describe, expect, it } from 'vitest';
import { movePanel, parsePanelLayout, toggleCollapsed, writePanelLayout } from './panel-layout';

const KNOWN = ['bottom-line', 'timeline', 'quotes', 'aid'];

describe('panel layout in the URL', () => {
  it('is the usual order, all open, without the parameter, and writes nothing for it', () => {
    const { layout, unknown } = parsePanelLayout(null, KNOWN);
    expect(layout).toEqual({ order: KNOWN, collapsed: [] });
    expect(unknown).toEqual([]);
    expect(writePanelLayout(layout, KNOWN)).toBeNull();
  });

  it('reads order and folded panels, appends the panels it leaves out, and reports unknown ids', () => {
    const { layout, unknown } = parsePanelLayout('aid,-quotes,nope,aid,,-gone', KNOWN);
    expect(layout).toEqual({ order: ['aid', 'quotes', 'bottom-line', 'timeline'], collapsed: ['quotes'] });
    expect(unknown).toEqual(['nope', '-gone']);
    expect(writePanelLayout(layout, KNOWN)).toBe('aid,-quotes,bottom-line,timeline');
  });

  it('round-trips a folded panel and a move', () => {
    let { layout } = parsePanelLayout(null, KNOWN);
    layout = movePanel(toggleCollapsed(layout, 'timeline', true), 'aid', -1);
    const written = writePanelLayout(layout, KNOWN);
    expect(written).toBe('bottom-line,-timeline,aid,quotes');
    expect(parsePanelLayout(written, KNOWN).layout).toEqual(layout);
    expect(movePanel(layout, 'bottom-line', -1)).toBe(layout);
    expect(writePanelLayout(toggleCollapsed(movePanel(layout, 'aid', 1), 'timeline', false), KNOWN)).toBeNull();
  });
});
