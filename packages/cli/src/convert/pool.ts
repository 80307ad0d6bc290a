import { batches, defaultJobs, openThread, runTasks, threadedWork, workerAvailable } from '@tongwen/linter';
import type { ChapterConversion } from '@tongwen/convert';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';
import { convertBatch, type WorkerRequest, type WorkerAnswer } from './worker.js';
import { runEngineThread, type EngineAnswer, type EngineRequest } from './engine-thread.js';

/** The built worker module; absent when running from TypeScript sources (vitest). */
const workerUrl = new URL('./worker.js', import.meta.url);

/** The outcome of one item: its conversion, or why it failed. */
export type WorkOutcome = { item: WorkItem; result: ChapterConversion } | { item: WorkItem; error: string };

/** Batches per job: enough that the last ones are short (both threads busy to the end), few enough that a task's own cost is nothing. */
const batchesPerJob = 8;

/**
 * What a chapter weighs in a batch: its length, and the fixed cost of parsing
 * any file (tldr's 1,534 pages of 460 bytes cost 0.8 ms each beyond their
 * length, about 300 more characters).
 */
function weight(item: WorkItem): number {
  return item.source.length + 300;
}

/**
 * The default `--jobs` of a conversion: the rule of `check`
 * (`defaultJobs` of @tongwen/linter) on the weight of the chapters to convert.
 */
export function autoJobs(items: readonly WorkItem[], cores: number): number {
  return defaultJobs(cores, items.reduce((sum, item) => sum + weight(item), 0));
}

/**
 * Whether a run of one job converts with an engine thread beside it (see
 * `engine-thread.ts`): on two cores or more, when the chapters weigh at
 * least what makes threads pay in `check` (`threadedWork`), and without the
 * review list (made with this thread's converter).
 */
export function autoEngineThread(items: readonly WorkItem[], cores: number, review: boolean): boolean {
  return cores >= 2 && !review && items.reduce((sum, item) => sum + weight(item), 0) >= threadedWork;
}

/**
 * The items in batches of neighbours of about equal weight, the heaviest
 * first (a long chapter started last would keep one thread busy alone); with
 * one job (no thread to feed), each item alone, in order.
 */
export function workBatches(items: readonly WorkItem[], jobs: number): WorkItem[][] {
  if (jobs <= 1) return items.map((item) => [item]);
  return batches(items, jobs * batchesPerJob, weight)
    .map((batch) => ({ batch, total: batch.reduce((sum, item) => sum + weight(item), 0) }))
    .sort((a, b) => b.total - a.total)
    .map(({ batch }) => batch);
}

/**
 * Convert chapters on `jobs` threads of the one worker pool (`runTasks` of
 * @tongwen/linter), this thread one of them, in batches (see
 * {@link workBatches}); in this thread alone when `jobs` is 1, when there is
 * a single batch, or when the built worker is not there. `onDone` is called once per item, as the batches finish.
 */
export async function runPool(items: readonly WorkItem[], options: WorkOptions, jobs: number, onDone: (outcome: WorkOutcome) => void, engineThread = false): Promise<void> {
  if (engineThread && jobs <= 1 && workerAvailable(workerUrl)) {
    const thread = await openThread<EngineRequest, EngineAnswer>(workerUrl);
    try {
      await runEngineThread(items, options, thread, onDone);
    } finally {
      await thread.destroy();
    }
    return;
  }
  const convert = createWorker(options);
  const inThread = (request: WorkerRequest): Promise<WorkerAnswer[]> => convertBatch(convert, request.items);
  await runTasks(
    workBatches(items, jobs).map((batch): WorkerRequest => ({ options, items: batch })),
    {
      worker: workerUrl,
      jobs,
      inThread,
      // This thread converts too, beside `jobs - 1` workers: one isolate fewer to load the modules in, JIT-compile and collect.
      shareThisThread: true,
      onDone: (answers, request) => {
        request.items.forEach((item, index) => {
          const answer = answers[index]!;
          onDone('error' in answer ? { item, error: answer.error } : { item, result: answer.result });
        });
      },
    },
  );
}
