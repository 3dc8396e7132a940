/**
 * The difference between two JSON-like values as a list of edits, and the function that applies it.
 * The validation worker uses it to tell the page how the schema changed the parsed JSON (defaults
 * filled in, text trimmed): a handful of edits instead of a copy of the whole dataset.
 */
export type PatchPath = (string | number)[];
/** `remove: true` deletes the key; otherwise the value at the path becomes `value`. */
export type PatchEdit = { path: PatchPath; value?: unknown; remove?: true };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Edits that turn `before` into `after` (values from `after` are shared, not copied). */
export function diff(before: unknown, after: unknown): PatchEdit[] {
  const out: PatchEdit[] = [];
  // One path, pushed and popped as the walk goes; copied only for an edit (a dataset has few).
  const path: PatchPath = [];
  const walk = (b: unknown, a: unknown): void => {
    if (Object.is(b, a)) return;
    if (Array.isArray(b) && Array.isArray(a) && b.length === a.length) {
      for (let i = 0; i < a.length; i++) {
        path.push(i);
        walk(b[i], a[i]);
        path.pop();
      }
      return;
    }
    if (isObject(b) && isObject(a)) {
      for (const key of Object.keys(a)) {
        if (!Object.hasOwn(b, key)) {
          out.push({ path: [...path, key], value: a[key] });
          continue;
        }
        path.push(key);
        walk(b[key], a[key]);
        path.pop();
      }
      for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) out.push({ path: [...path, key], remove: true });
      return;
    }
    out.push({ path: [...path], value: a });
  };
  walk(before, after);
  return out;
}

/** Applies edits in place and returns the result (a new value when an edit replaces the root). */
export function applyPatch(target: unknown, edits: readonly PatchEdit[]): unknown {
  let root = target;
  for (const edit of edits) {
    if (edit.path.length === 0) {
      root = edit.value;
      continue;
    }
    let at = root as Record<string | number, unknown>;
    for (const key of edit.path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    const last = edit.path[edit.path.length - 1];
    if (edit.remove) delete at[last];
    else at[last] = edit.value;
  }
  return root;
}
