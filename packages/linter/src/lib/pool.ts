/**
 * The one worker pool of tongwen (tinypool): `check` parses and runs the
 * chapter rules on it, `convert` converts chapters on it. A worker module
 * default-exports `(task) => result`; both sides exchange plain data
 * (structured clone). Worker modules exist only in the built `dist`: from
 * TypeScript sources (vitest) and with one job, work runs in this thread,
 * through the same task function.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { isFile } from '@tongwen/workspace';

/**
 * Characters of work below which one thread does it whatever the cores: a
 * worker's start-up (its modules, its JIT, its converters: about 0.5 s of
 * CPU) costs more than it saves (a warm check with a few changed chapters, a
 * small book to convert).
 */
export const threadedWork = 256 * 1024;

/**
 * The default `--jobs` of `check` and `convert` (the one rule of both): 1 on
 * one or two cores, or for less than {@link threadedWork} characters of
 * `work`; else the cores up to 4. This thread is one of the jobs
 * (`shareThisThread`). Measured on 2 cores, quiet: check docker_practice-2026
 * cold `--jobs 1` 3.52-3.61 s wall (5.5-5.8 s CPU), `--jobs 2` 3.81-3.87 s
 * (6.9-7.0 s CPU); convert tldr's 1,534 pages to zh-TW 2.91-3.06 s wall (4.3
 * s CPU) against 3.81-4.10 s (7.0 s CPU). A second isolate loads the modules
 * again (0.3 s of CPU), JIT-compiles the parser and the converter again on
 * V8's background threads (1.2 s more background CPU on tldr: with one
 * thread they already keep the second core 40 % busy) and collects its own
 * heap: more than the second core gives back.
 */
export function defaultJobs(cores: number = availableParallelism(), work = Number.POSITIVE_INFINITY): number {
  return cores <= 2 || work < threadedWork ? 1 : Math.min(cores, 4);
}

/** Whether the worker module at `worker` is there (the built `dist`, not the TypeScript sources). */
export function workerAvailable(worker: URL): boolean {
  return worker.protocol === 'file:' && isFile(fileURLToPath(worker));
}

/** One worker thread of the pool, fed task by task as the caller makes them (`openThread`). */
export interface PoolThread<T, R> {
  run(task: T): Promise<R>;
  destroy(): Promise<void>;
}

/**
 * One worker thread running `worker`'s task function, for work that is
 * made while it runs (convert's engine thread: chapters are parsed here and
 * their texts converted there). tinypool loads on first use.
 */
export async function openThread<T, R>(worker: URL): Promise<PoolThread<T, R>> {
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: worker.href, minThreads: 1, maxThreads: 1 });
  return { run: (task) => pool.run(task) as Promise<R>, destroy: () => pool.destroy() };
}

/** How to run a list of tasks. */
export interface RunTasksOptions<T, R> {
  /** The worker module (its default export is the task function). */
  worker: URL;
  /** Threads to use; 1 (or a missing worker module) runs every task in this thread. */
  jobs: number;
  /** The same task function, for this thread. */
  inThread: (task: T) => R | Promise<R>;
  /**
   * The old-generation heap of each worker, in MB: a worker collects its
   * garbage before it grows past it (the peak memory of a large book). A
   * task that does not fit runs again on a worker of its own with
   * `heapFor(task)` MB, or in this thread without `heapFor` (or when that
   * does not fit either).
   */
  heapMb?: number;
  /** The old-generation heap, in MB, of the worker that runs again a task that did not fit in `heapMb`. */
  heapFor?: (task: T) => number;
  /**
   * The young-generation heap of each worker, in MB: room for what a task
   * allocates and drops (a chapter's parser events and tree) to die young
   * instead of being copied and promoted.
   */
  youngMb?: number;
  /**
   * This thread takes tasks too, beside `jobs - 1` workers: one worker fewer
   * to start, load the modules in and warm up (default `false`: `jobs`
   * workers, this thread waits).
   */
  shareThisThread?: boolean;
  /**
   * Run on a worker even with one job, so that the work runs in a heap
   * bounded by `heapMb` (a large book), this thread waiting.
   */
  bounded?: boolean;
  /** Called once per task as it finishes (in finishing order). */
  onDone?: (result: R, task: T, index: number) => void;
}

/**
 * Run every task, on worker threads when more than one job is asked and
 * there is more than one task; results in task order. A task that throws
 * rejects the whole run (after the pool is closed).
 */
export async function runTasks<T, R>(tasks: readonly T[], options: RunTasksOptions<T, R>): Promise<R[]> {
  const threads = Math.min(options.jobs, tasks.length);
  const results: R[] = new Array<R>(tasks.length);
  const done = (result: R, index: number): void => {
    results[index] = result;
    options.onDone?.(result, tasks[index]!, index);
  };
  if ((threads <= 1 && !options.bounded) || !workerAvailable(options.worker)) {
    for (const [index, task] of tasks.entries()) done(await options.inThread(task), index);
    return results;
  }
  const shares = options.shareThisThread === true && threads > 1;
  const workers = shares ? threads - 1 : Math.max(1, threads);
  const limits = { ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}), ...(options.youngMb ? { maxYoungGenerationSizeMb: options.youngMb } : {}) };
  // Loaded when a pool starts (~30 ms of CPU with worker_threads): a run whose chapters all come from the store, or that stays in this thread, never loads it.
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: options.worker.href, minThreads: workers, maxThreads: workers, ...(Object.keys(limits).length > 0 ? { resourceLimits: limits } : {}) });
  try {
    // A task beyond a worker's heap runs again on a worker sized to it, else in this thread, which has no such limit.
    const inThread = async (task: T, error: unknown): Promise<R> => (outOfMemory(error) ? options.inThread(task) : Promise.reject(error));
    const again = async (task: T, error: unknown): Promise<R> => {
      if (!outOfMemory(error) || !options.heapFor) return inThread(task, error);
      return runAlone<T, R>(Tinypool, options.worker, { ...limits, maxOldGenerationSizeMb: options.heapFor(task) }, task).catch(async (second: unknown) => inThread(task, second));
    };
    const runOne = async (task: T): Promise<R> => (pool.run(task) as Promise<R>).catch(async (error: unknown) => again(task, error));
    // One queue: each worker, and this thread when it shares, takes the next task when it is free.
    let next = 0;
    const take = (): number | undefined => (next < tasks.length ? next++ : undefined);
    const workerLoop = async (): Promise<void> => {
      for (let index = take(); index !== undefined; index = take()) done(await runOne(tasks[index]!), index);
    };
    const threadLoop = async (): Promise<void> => {
      // Between tasks, let the workers' messages in (a finished task, a worker ready for its next).
      for (let index = take(); index !== undefined; index = take()) done(await turn(() => options.inThread(tasks[index]!)), index);
    };
    const stopOnError = async (loop: Promise<void>): Promise<void> =>
      loop.catch((error: unknown) => {
        next = tasks.length;
        throw error;
      });
    await Promise.all([...Array.from({ length: workers }, workerLoop), ...(shares ? [threadLoop()] : [])].map(stopOnError));
  } finally {
    await pool.destroy();
  }
  return results;
}

/** Run one task on a worker of its own with the heap `limits`, closed after it. */
async function runAlone<T, R>(Pool: typeof import('tinypool').default, worker: URL, limits: ResourceLimits, task: T): Promise<R> {
  const pool = new Pool({ filename: worker.href, minThreads: 1, maxThreads: 1, resourceLimits: limits });
  try {
    return (await pool.run(task)) as R;
  } finally {
    await pool.destroy();
  }
}

/** Run `work` after the events waiting now (a macrotask later). */
async function turn<R>(work: () => R | Promise<R>): Promise<R> {
  await new Promise((resolve) => setImmediate(resolve));
  return work();
}

/**
 * Split `items` into about `parts` runs of neighbours of about equal total
 * `weight` (at least one item each, order kept): tasks for {@link runTasks}.
 */
export function batches<T>(items: readonly T[], parts: number, weight: (item: T) => number = () => 1): T[][] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const target = total / Math.max(1, parts);
  const result: T[][] = [];
  let current: T[] = [];
  let filled = 0;
  for (const item of items) {
    current.push(item);
    filled += weight(item);
    if (filled >= target) {
      result.push(current);
      current = [];
      filled = 0;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Whether a task failed because its worker ran out of heap. */
function outOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
