/**
 * The worker module of the chapter pass (run by the pool of `pool.ts`, from
 * the built `dist` only). The thread keeps its immutable resources (converters,
 * the word segmenter) from one task to the next.
 */
import { createRunCache } from '@tongwen/rules';
import { runChapterTask, type ChapterTask } from './chapter-task.js';
import type { ChapterOutcome } from './lint.js';

const resources = createRunCache();

/** Parse and check the chapters of one task. */
export default function checkChapters(task: ChapterTask): ChapterOutcome[] {
  return runChapterTask(task, resources);
}
