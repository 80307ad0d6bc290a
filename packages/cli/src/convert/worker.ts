/**
 * The worker module of `convert` (run by the pool of @tongwen/linter, from
 * the built `dist` only): one batch of chapters per task. The thread keeps its
 * converter from one task to the next (built once per set of options, on the
 * first chapter that needs it).
 */
import type { ChapterConversion, TextConverter } from '@tongwen/convert';
import { createTextConverter, createWorker, type WorkItem, type WorkOptions } from './work.js';
import { convertTexts, errorMessage, type EngineAnswer, type EngineRequest } from './engine-thread.js';

/** A batch of chapters to convert, with the options of the run. */
export interface WorkerRequest {
  options: WorkOptions;
  items: WorkItem[];
}

/** The conversion of a chapter, or why it failed. */
export type WorkerAnswer = { result: ChapterConversion } | { error: string };

const converters = new Map<string, (item: WorkItem) => Promise<ChapterConversion>>();
const textConverters = new Map<string, () => Promise<TextConverter>>();

/** Convert a batch of chapters: one answer per item, in order; as the engine thread (`engine-thread.ts`), the texts of chapters planned by the main thread. */
export default async function convertChapterTask(request: WorkerRequest | EngineRequest): Promise<WorkerAnswer[] | EngineAnswer> {
  if ('chapters' in request) return convertEngineTask(request);
  const { options, items } = request;
  const key = JSON.stringify(options);
  let convert = converters.get(key);
  if (!convert) converters.set(key, (convert = createWorker(options)));
  return convertBatch(convert, items);
}

/** Convert the items one after the other; a chapter that fails is an answer naming why, and the others are still converted. */
export async function convertBatch(convert: (item: WorkItem) => Promise<ChapterConversion>, items: readonly WorkItem[]): Promise<WorkerAnswer[]> {
  const answers: WorkerAnswer[] = [];
  for (const item of items) {
    try {
      answers.push({ result: await convert(item) });
    } catch (error) {
      answers.push({ error: errorMessage(error) });
    }
  }
  return answers;
}

/** The engine thread's task: the texts of planned chapters converted (the thread keeps its converter from one task to the next). */
async function convertEngineTask(request: EngineRequest): Promise<EngineAnswer> {
  const key = JSON.stringify(request.options);
  let convert = textConverters.get(key);
  if (!convert) textConverters.set(key, (convert = createTextConverter(request.options)));
  return convertTexts(await convert(), request);
}
