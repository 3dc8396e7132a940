import { describe, expect, it } from 'vitest';
import { isolate } from './bidi';

describe('isolate', () => {
  it('closes an unclosed override inside an isolate, and leaves plain text alone', () => {
    expect(isolate('Unnamed outlet\u202E')).toBe('\u2068Unnamed outlet\u202E\u2069');
    expect(isolate('قناة الجزيرة')).toBe('\u2068قناة الجزيرة\u2069');
    expect(isolate('Kyiv Post')).toBe('Kyiv Post');
  });
});
