import { batches, runTasks } from '@tongwen/linter';
import type { ChapterConversion } from '@tongwen/convert';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';
import { convertBatch, type WorkerRequest, type WorkerAnswer } from './worker.js';

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
 * The weight of chapters worth a worker thread: below it, one thread converts
 * (each worker loads the modules and builds its converter, about 0.5 s of CPU
 * with the opencc-js dictionaries and jieba); about 200 KB of Markdown.
 */
const threadedWeight = 200_000;

/**
 * The default `--jobs` of a conversion: 1 on one or two cores; else the
 * cores (up to 4) when the chapters weigh {@link threadedWeight} or more.
 * Measured on 2 cores, quiet, to zh-TW: tldr's 1,534 pages 2.91-3.06 s wall
 * on one thread against 3.81-4.10 s on two (4.3 against 7.0 s CPU), and
 * docker_practice-2026 2.45-2.54 s against 2.91-3.03 s: each worker loads
 * the modules and builds its converter and jieba, more than the second core
 * gives back.
 */
export function autoJobs(items: readonly WorkItem[], cores: number): number {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  return cores <= 2 || total < threadedWeight ? 1 : Math.min(cores, 4);
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
 * @tongwen/linter), in batches (see {@link workBatches}); in this thread when
 * `jobs` is 1, when there is a single batch, or when the built worker is not
 * there. `onDone` is called once per item, as the batches finish.
 */
export async function runPool(items: readonly WorkItem[], options: WorkOptions, jobs: number, onDone: (outcome: WorkOutcome) => void): Promise<void> {
  const convert = createWorker(options);
  const inThread = (request: WorkerRequest): Promise<WorkerAnswer[]> => convertBatch(convert, request.items);
  await runTasks(
    workBatches(items, jobs).map((batch): WorkerRequest => ({ options, items: batch })),
    {
      worker: workerUrl,
      jobs,
      inThread,
      onDone: (answers, request) => {
        request.items.forEach((item, index) => {
          const answer = answers[index]!;
          onDone('error' in answer ? { item, error: answer.error } : { item, result: answer.result });
        });
      },
    },
  );
}
