import { diff, type PatchEdit } from './patch';
import {
  capProblems,
  checkReferences,
  duplicateKeyWarnings,
  checkShape,
  countRecords,
  inlineTexts,
  parseJson,
  type TextLoad,
  type ValidationResult,
} from './validate';

/**
 * `validateDatasetText` taken step by step, for the validation worker: the same checks in the same
 * order and with the same answers (a test holds it to that), but the schema step is reported as soon
 * as it passes, as the edits that turn the plain parsed JSON into the validated dataset (defaults,
 * trimmed text). The page parses the JSON itself meanwhile, applies those edits and builds its index
 * while the worker is still checking references and excerpts. Texts that are not inline are asked
 * for in one batch, since only the page can fetch them the way the app does.
 */
export async function validateInSteps(
  text: string,
  loadTexts: (textPaths: string[]) => Promise<TextLoad[]>,
  onShape: (edits: PatchEdit[]) => void,
): Promise<ValidationResult> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const shape = checkShape(parsed.value);
  if (!shape.ok) return shape;
  const dataset = shape.dataset;
  onShape(diff(parsed.value, dataset));
  const texts = inlineTexts(dataset);
  const wanted = dataset.sources.filter((s) => s.text === undefined && s.textPath !== undefined);
  if (wanted.length) {
    const loaded = await loadTexts(wanted.map((s) => s.textPath as string)).catch(() => wanted.map(() => undefined));
    wanted.forEach((s, i) => texts.set(s.id, loaded[i]));
  }
  const problems = checkReferences(dataset, texts);
  if (problems.length > 0) return capProblems({ ok: false, problems });
  return { ok: true, dataset, counts: countRecords(dataset), warnings: duplicateKeyWarnings(text) };
}
