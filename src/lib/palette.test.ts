import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AID_STATUS_COLOR, CATEGORICAL, CREDIBILITY_COLOR, EVENT_KIND_COLOR, THEME, paletteCss } from './palette';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('palette', () => {
  it('src/lib/palette.css is what palette.ts generates (run `npm run palette` after changing it)', () => {
    expect(readFileSync(new URL('./palette.css', import.meta.url), 'utf8')).toBe(paletteCss());
  });

  it('kind colours carry white text and stand out on both themes’ panels', () => {
    for (const color of [...Object.values(EVENT_KIND_COLOR), ...CATEGORICAL]) {
      expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, THEME.panel.light), color).toBeGreaterThanOrEqual(3);
      expect(contrast(color, THEME.panel.dark), color).toBeGreaterThanOrEqual(3);
    }
  });

  it('status colours read as text on their own theme’s panel', () => {
    for (const { light, dark } of Object.values(AID_STATUS_COLOR)) {
      expect(contrast(light, THEME.panel.light), light).toBeGreaterThanOrEqual(4.5);
      expect(contrast(dark, THEME.panel.dark), dark).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('credibility colours read as text on both themes’ panels and panel-2 rows', () => {
    for (const { light, dark } of Object.values(CREDIBILITY_COLOR)) {
      for (const bg of [THEME.panel.light, THEME['panel-2'].light]) expect(contrast(light, bg), light).toBeGreaterThanOrEqual(4.5);
      for (const bg of [THEME.panel.dark, THEME['panel-2'].dark]) expect(contrast(dark, bg), dark).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every default kind its own colour', () => {
    const colors = Object.values(EVENT_KIND_COLOR);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
