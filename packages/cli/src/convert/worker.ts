/**
 * The worker module of `convert` (run by the pool of @tongwen/linter, from
 * the built `dist` only): one chapter per task. The thread keeps its
 * converter from one task to the next (built once per set of options).
 */
import type { ChapterConversion } from '@tongwen/convert';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';

/** One chapter to convert, with the options of the run. */
export interface WorkerRequest {
  options: WorkOptions;
  item: WorkItem;
}

/** The conversion of a chapter, or why it failed. */
export type WorkerAnswer = { result: ChapterConversion } | { error: string };

const converters = new Map<string, (item: WorkItem) => Promise<ChapterConversion>>();

/** Convert one chapter. */
export default async function convertChapterTask({ options, item }: WorkerRequest): Promise<WorkerAnswer> {
  const key = JSON.stringify(options);
  let convert = converters.get(key);
  if (!convert) converters.set(key, (convert = createWorker(options)));
  try {
    return { result: await convert(item) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
