/**
 * Converting with the engine on a thread of its own: this thread parses
 * and plans each chapter (`planChapter`) and sends the texts of its prose
 * pieces to one worker, which only converts them; this thread finishes each
 * chapter with the answers (`finishPlan`). The parser is loaded and
 * JIT-compiled in this thread only, the engine and its dictionaries in the
 * worker only — unlike a second full worker, which does both again — so on
 * two cores the conversion leaves the critical path instead of adding to it.
 * The outputs are those of converting in one thread (same converter, same
 * texts, same order).
 */
import type { ChapterConversion, ChapterPlan, TextConverter } from '@tongwen/convert';
import { finishPlan, hasDocumentMode, planTexts } from '@tongwen/convert';
import { createTextConverter, planItem, type WorkItem, type WorkOptions } from './work.js';
import type { WorkOutcome } from './pool.js';

/** A request to the engine thread: the texts of planned chapters, each with its prose (see `TextConverter.forDocument`). */
export interface EngineRequest {
  options: WorkOptions;
  chapters: Array<{ prose?: string; texts: string[] }>;
}

/** The answer of the engine thread: each chapter's texts converted, in order. */
export type EngineAnswer = string[][];

/** Convert the texts of planned chapters (the task of the engine thread). */
export async function convertTexts(convert: TextConverter, request: EngineRequest): Promise<EngineAnswer> {
  return request.chapters.map(({ prose, texts }) => {
    const document = (prose !== undefined ? convert.forDocument?.(prose) : undefined) ?? convert;
    return texts.map((text) => document(text));
  });
}

/** The outcome of one item: its conversion, or why it failed (the pool's). */
export type ItemOutcome = WorkOutcome;

/** A chapter planned in this thread, or why it could not be. */
type Planned = { item: WorkItem; plan: ChapterPlan } | { item: WorkItem; error: string };

/** Characters of source per message to the engine thread: a few dozen messages for a book, the first sent early. */
const batchWeight = 24 * 1024;

/** Batches sent and not yet finished before this thread waits: planned chapters never pile up when the engine thread is slower (a busy machine, a huge book). */
const inFlight = 4;

/** The pool of one engine thread: what `runEngineThread` needs of tinypool. */
export interface EngineThread {
  run(request: EngineRequest): Promise<EngineAnswer>;
  destroy(): Promise<void>;
}

/** Replays answers computed elsewhere in the order `finishPlan` asks for them. */
function replay(answers: readonly string[]): TextConverter {
  let next = 0;
  return (text) => {
    const answer = answers[next++];
    // Never expected: the plan asks exactly `planTexts(plan)`, in order.
    if (answer === undefined) throw new Error(`Unexpected text \`${text.slice(0, 20)}\` beyond the engine thread's answers, expected ${answers.length}`);
    return answer;
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Finish a planned chapter with the converter given (the engine thread's answers, or this thread's converter). */
function finishOne(planned: Planned, convert: () => TextConverter): ItemOutcome {
  if ('error' in planned) return planned;
  try {
    return { item: planned.item, result: finishPlan(planned.plan, convert()) };
  } catch (error) {
    return { item: planned.item, error: errorMessage(error) };
  }
}

/**
 * Convert `items` with the engine on `thread`, calling `onDone` once per
 * item in order. Chapters are parsed and planned here while the thread
 * converts the ones sent before; a batch the thread fails on is converted
 * here (the same converter), so a broken thread costs time, never output.
 */
export async function runEngineThread(items: readonly WorkItem[], options: WorkOptions, thread: EngineThread, onDone: (outcome: ItemOutcome) => void): Promise<void> {
  const local = createTextConverter(options);
  let done: Promise<void> = Promise.resolve();
  /** When each batch sent is finished (its chapters given to `onDone`). */
  const finished: Array<Promise<void>> = [];
  const send = (batch: Planned[]): void => {
    const planned = batch.filter((entry): entry is Extract<Planned, { plan: ChapterPlan }> => 'plan' in entry);
    const chapters = planned.map(({ plan }) => ({ ...(plan.prose !== undefined ? { prose: plan.prose } : {}), texts: planTexts(plan) }));
    const answer = chapters.length > 0 ? thread.run({ options, chapters }).then((answers) => ({ answers }), (error: unknown) => ({ error })) : Promise.resolve({ answers: [] as EngineAnswer });
    done = done.then(async () => {
      const outcome = await answer;
      const fallback = 'error' in outcome ? await local() : undefined;
      let index = 0;
      for (const entry of batch) {
        const answers = 'plan' in entry && 'answers' in outcome ? outcome.answers[index++] : undefined;
        onDone(finishOne(entry, () => fallback ?? replay(answers ?? [])));
      }
    });
    finished.push(done);
  };
  let batch: Planned[] = [];
  let weight = 0;
  let sent = false;
  for (const item of items) {
    try {
      batch.push({ item, plan: planItem(item, options, hasDocumentMode(options.config)) });
    } catch (error) {
      batch.push({ item, error: errorMessage(error) });
    }
    weight += item.source.length;
    // The first chapter goes alone: the thread starts converting while this one parses on.
    if (weight >= batchWeight || !sent) {
      send(batch);
      sent = true;
      batch = [];
      weight = 0;
      // Let finished answers in (their chapters are finished and written while the next ones parse); wait when too many are out.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (finished.length > inFlight) await finished[finished.length - 1 - inFlight];
    }
  }
  if (batch.length > 0) send(batch);
  await done;
}
