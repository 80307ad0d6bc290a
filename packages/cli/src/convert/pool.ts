import { isFile } from '@tongwen/workspace';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChapterConversion } from '@tongwen/convert';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';

/** The built worker script; absent when running from TypeScript sources (vitest). */
const workerUrl = new URL('./worker.js', import.meta.url);

/** Whether chapters can be converted in worker threads (the built worker exists). */
export function workersAvailable(): boolean {
  return isFile(fileURLToPath(workerUrl));
}

/** The outcome of one item: its conversion, or why it failed. */
export type WorkOutcome = { item: WorkItem; result: ChapterConversion } | { item: WorkItem; error: string };

/**
 * Convert chapters on `jobs` worker threads (in this thread when `jobs` is 1,
 * when there is a single item, or when the built worker is not there).
 * `onDone` is called once per item, as items finish.
 */
export async function runPool(items: readonly WorkItem[], options: WorkOptions, jobs: number, onDone: (outcome: WorkOutcome) => void): Promise<void> {
  const threads = Math.min(jobs, items.length);
  if (threads <= 1 || !workersAvailable()) {
    const convert = createWorker(options);
    for (const item of items) {
      try {
        onDone({ item, result: await convert(item) });
      } catch (error) {
        onDone({ item, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return;
  }
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: options });
          workers.push(worker);
          let current: WorkItem | undefined;
          const feed = (): void => {
            if (next >= items.length) {
              current = undefined;
              resolve();
              return;
            }
            const id = next++;
            current = items[id]!;
            worker.postMessage({ id, path: current.path, source: current.source });
          };
          worker.on('message', (message: { id: number; result?: ChapterConversion; error?: string }) => {
            const item = items[message.id]!;
            onDone(message.error !== undefined ? { item, error: message.error } : { item, result: message.result! });
            feed();
          });
          worker.on('error', (error) => {
            if (current) onDone({ item: current, error: error.message });
            reject(error);
          });
          worker.on('exit', (code) => {
            if (current) reject(new Error(`a conversion worker stopped (exit code ${code}) while converting ${current.path}`));
          });
          feed();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
