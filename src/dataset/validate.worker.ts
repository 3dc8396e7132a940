/// <reference lib="webworker" />
import type { PatchEdit } from './patch';
import type { Counts, Problem, TextLoad } from './validate';
import { validateInSteps } from './validate-steps';

/** Messages to the validation worker. */
export type ToWorker = { type: 'validate'; text: string } | { type: 'texts'; id: number; texts: TextLoad[] };

/** Messages from it: the schema edits first, requests for article texts, then the verdict. */
export type FromWorker =
  | { type: 'shape'; edits: PatchEdit[] }
  | { type: 'texts'; id: number; paths: string[] }
  | { type: 'done'; ok: true; counts: Counts; warnings: Problem[] }
  | { type: 'done'; ok: false; problems: Problem[]; more?: number }
  | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);
const waiting = new Map<number, (texts: TextLoad[]) => void>();
let nextId = 0;

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'texts') {
    waiting.get(message.id)?.(message.texts);
    waiting.delete(message.id);
    return;
  }
  try {
    const result = await validateInSteps(
      message.text,
      (paths) =>
        new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          post({ type: 'texts', id, paths });
        }),
      (edits) => post({ type: 'shape', edits }),
    );
    // Only the verdict goes back: the page has its own copy of the data, and cloning 50 MB of records
    // into it would cost more than parsing them there.
    post(
      result.ok
        ? { type: 'done', ok: true, counts: result.counts, warnings: result.warnings }
        : { type: 'done', ok: false, problems: result.problems, more: result.more },
    );
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message ?? String(error) });
  }
};
