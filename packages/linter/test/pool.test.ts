import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { runTasks } from '@tongwen/linter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A worker module that says which thread ran each task. */
const workerSource = "import { threadId } from 'node:worker_threads';\nexport default (task) => ({ task, thread: threadId });\n";

describe('runTasks on a real worker module', () => {
  let folder = '';
  let worker: URL;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'tongwen-pool-'));
    writeFileSync(path.join(folder, 'worker.mjs'), workerSource);
    worker = pathToFileURL(path.join(folder, 'worker.mjs'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const inThread = (task: number): { task: number; thread: number } => ({ task, thread: threadId });
  const tasks = Array.from({ length: 40 }, (_, i) => i);

  it('with this thread sharing, two jobs are this thread and one worker; results in task order', async () => {
    const results = await runTasks(tasks, { worker, jobs: 2, shareThisThread: true, inThread });
    expect(results.map((result) => result.task)).toEqual(tasks);
    expect(new Set(results.map((result) => result.thread)).size).toBeLessThanOrEqual(2);
    expect(results.some((result) => result.thread !== threadId)).toBe(true);
  });

  it('bounded, one job runs on one worker, not in this thread', async () => {
    const results = await runTasks(tasks, { worker, jobs: 1, bounded: true, heapMb: 64, youngMb: 16, inThread });
    expect(results.map((result) => result.task)).toEqual(tasks);
    expect(new Set(results.map((result) => result.thread)).size).toBe(1);
    expect(results[0]!.thread).not.toBe(threadId);
  });

  it('one job, unbounded, stays in this thread', async () => {
    const results = await runTasks(tasks, { worker, jobs: 1, inThread });
    expect(results.every((result) => result.thread === threadId)).toBe(true);
  });

  it('a task that throws in this thread rejects the run (this thread takes the second task at once)', async () => {
    await expect(runTasks(tasks, { worker, jobs: 2, shareThisThread: true, inThread: async () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
  });
});
