import { runTasks } from '@tongwen/linter';
import type { ChapterConversion } from '@tongwen/convert';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';
import type { WorkerRequest, WorkerAnswer } from './worker.js';

/** The built worker module; absent when running from TypeScript sources (vitest). */
const workerUrl = new URL('./worker.js', import.meta.url);

/** The outcome of one item: its conversion, or why it failed. */
export type WorkOutcome = { item: WorkItem; result: ChapterConversion } | { item: WorkItem; error: string };

/**
 * Convert chapters on `jobs` threads of the one worker pool (`runTasks` of
 * @tongwen/linter; in this thread when `jobs` is 1, when there is a single
 * item, or when the built worker is not there). `onDone` is called once per
 * item, as items finish.
 */
export async function runPool(items: readonly WorkItem[], options: WorkOptions, jobs: number, onDone: (outcome: WorkOutcome) => void): Promise<void> {
  const convert = createWorker(options);
  const inThread = async (request: WorkerRequest): Promise<WorkerAnswer> => {
    try {
      return { result: await convert(request.item) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  await runTasks(
    items.map((item) => ({ options, item })),
    {
      worker: workerUrl,
      jobs,
      inThread,
      onDone: (answer, { item }) => onDone('error' in answer ? { item, error: answer.error } : { item, result: answer.result }),
    },
  );
}
