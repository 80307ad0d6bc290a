import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { runTasks } from '@tongwen/linter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A worker module that says which thread ran each task (and keeps `task.mb` MB alive while it runs, when given). */
const workerSource = [
  "import { threadId } from 'node:worker_threads';",
  'export default (task) => {',
  '  const kept = Array.from({ length: task.mb ?? 0 }, (_, i) => new Array(128 * 1024).fill(i));',
  '  return { task: task.id ?? task, thread: threadId, kept: kept.length };',
  '};',
  '',
].join('\n');

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

  it('a task beyond the workers\' heap runs again on a worker sized to it (heapFor), not in this thread', async () => {
    const large = [{ id: 0 }, { id: 1, mb: 96 }, { id: 2 }];
    const sized: number[] = [];
    const heapFor = (task: { id: number; mb?: number }): number => (sized.push(task.id), 2 * (task.mb ?? 0) + 32);
    const inLarge = (task: { id: number; mb?: number }) => ({ task: task.id, thread: threadId, kept: task.mb ?? 0 });
    const results = await runTasks(large, { worker, jobs: 1, bounded: true, heapMb: 32, youngMb: 8, heapFor, inThread: inLarge });
    expect(results.map((result) => [result.task, result.kept])).toEqual([
      [0, 0],
      [1, 96],
      [2, 0],
    ]);
    expect(sized).toEqual([1]);
    expect(results.every((result) => result.thread !== threadId)).toBe(true);
    // Without heapFor, this thread (no heap limit) runs it again.
    const fallback = await runTasks(large, { worker, jobs: 1, bounded: true, heapMb: 32, youngMb: 8, inThread: inLarge });
    expect(fallback.map((result) => result.thread === threadId)).toEqual([false, true, false]);
  });

  it('a task that throws in this thread rejects the run (this thread takes the second task at once)', async () => {
    await expect(runTasks(tasks, { worker, jobs: 2, shareThisThread: true, inThread: async () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
  });
});
