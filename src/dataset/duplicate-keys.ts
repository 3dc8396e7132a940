interface Frame {
  object: boolean;
  /** Keys seen so far (objects); a short list is faster than a Set for the usual handful. */
  keys: string[];
  set: Set<string> | null;
  key: string | number;
  expectKey: boolean;
}

/**
 * Paths of keys that occur twice in one object. JSON.parse keeps the last value without a word; a
 * dataset edited by hand often has a field pasted twice. One pass, no recursion (any depth), on text
 * that has already parsed, so strings and brackets are well formed. Stops after `limit` findings.
 */
export function duplicateKeys(text: string, limit = 50): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) break;
      const top = stack[stack.length - 1];
      if (top && top.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const seen = top.set ? top.set.has(key) : top.keys.includes(key);
        if (seen) {
          found.push([...stack.slice(0, -1).map((f) => f.key), key]);
          if (found.length >= limit) return found;
        } else if (top.set) top.set.add(key);
        else {
          top.keys.push(key);
          if (top.keys.length > 16) top.set = new Set(top.keys);
        }
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */) {
      stack.push({ object: true, keys: [], set: null, key: '', expectKey: true });
    } else if (c === 91 /* [ */) {
      stack.push({ object: false, keys: [], set: null, key: 0, expectKey: false });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.key = (top.key as number) + 1;
    }
  }
  return found;
}
