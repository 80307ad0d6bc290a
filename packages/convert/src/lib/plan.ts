/**
 * Conversion planning: which files of a book a conversion run converts,
 * copies, leaves as they are, removes or refuses — decided from hashes and
 * the manifest of the last run, without reading or writing anything. The
 * command line runs the plan; the plan itself is data.
 */
import type { SiteOptions } from '@tongwen/book';
import { fragmentTargets, type ChapterConversion } from './markdown.js';

/** What the manifest of an output folder remembers of one file. */
export interface ManifestEntry {
  /** Content hash of the source bytes. */
  input: string;
  /** Content hash of the bytes written. */
  output: string;
  /** Heading anchors of this chapter that the conversion changed, old → new. */
  anchors?: Record<string, string>;
  /** Chapters whose anchors this chapter's links follow, with the {@link anchorsKey} of their anchors when converted. */
  deps?: Record<string, string>;
}

/** One listed file of the source book. */
export interface PlanSource {
  /** Path from the book root, `/`-separated. */
  path: string;
  /** Content hash of its bytes. */
  hash: string;
  /** A chapter: Markdown of the book (not in a dot-folder), whose prose is converted. */
  chapter: boolean;
  /** Why a chapter cannot be converted (its bytes are not UTF-8 text…): it is refused. */
  problem?: string;
}

/** Where the output goes. */
export type PlanMode =
  /** Into an output folder with a manifest: unchanged files are skipped, outputs of removed sources removed. */
  | 'out'
  /** Over the sources themselves: chapters converted, nothing else touched. */
  | 'in-place'
  /** Nothing written: every file compared with a fresh conversion (CI's `--check`). */
  | 'check';

/** Everything a plan is made from. */
export interface PlanInput {
  mode: PlanMode;
  /** The listed files of the book, in order. */
  sources: readonly PlanSource[];
  /** The key of this run's options and tool version: manifest entries of another key are never up to date. */
  key: string;
  /** The manifest found in the output folder (whatever key it was written under), if any. */
  manifest?: { key: string; files: Readonly<Record<string, ManifestEntry>> };
  /** Content hashes of the output files that exist now, for the paths of the manifest. */
  outputs: ReadonlyMap<string, string>;
}

/** What the run does with one path. */
export type PlanStep =
  /** Convert the chapter's prose (and write it, or compare it with `check`). */
  | { path: string; action: 'convert' }
  /** Copy the bytes as they are (or compare them with `check`). */
  | { path: string; action: 'copy' }
  /** Nothing to do: the output is what the manifest says was written from this very source (`entry`, kept). */
  | { path: string; action: 'skip'; entry?: ManifestEntry }
  /** The source is gone: its output, written by an earlier run, goes too (with `check`: it is stale). */
  | { path: string; action: 'remove' }
  /** A chapter that cannot be converted: its bytes are copied as they are (not `in-place`), and the run fails. */
  | { path: string; action: 'refuse'; reason: string };

/** Whether the output of `source` is still what `entry` says was written from it. */
function upToDate(source: PlanSource, entry: ManifestEntry | undefined, outputs: ReadonlyMap<string, string>): entry is ManifestEntry {
  return entry !== undefined && entry.input === source.hash && outputs.get(source.path) === entry.output;
}

/** The step of one listed file. */
function stepOf(source: PlanSource, input: PlanInput, known: Readonly<Record<string, ManifestEntry>>): PlanStep {
  const { path } = source;
  if (source.chapter && source.problem !== undefined) return { path, action: 'refuse', reason: source.problem };
  if (input.mode === 'in-place') return source.chapter ? { path, action: 'convert' } : { path, action: 'skip' };
  const entry = known[path];
  if (input.mode === 'out' && upToDate(source, entry, input.outputs)) return { path, action: 'skip', entry };
  return { path, action: source.chapter ? 'convert' : 'copy' };
}

/**
 * The plan of a conversion run: one step per listed file, in order, then the
 * removals (sorted). Entries of a manifest written under another key (other
 * options, another version) never make a file up to date, but still say
 * which outputs earlier runs wrote: those whose source is gone are removed
 * (`out`) or stale (`check`, when the output still exists).
 */
export function planConversion(input: PlanInput): PlanStep[] {
  const manifest = input.mode === 'in-place' ? undefined : input.manifest;
  const known = manifest && manifest.key === input.key ? manifest.files : {};
  const steps = input.sources.map((source) => stepOf(source, input, known));
  const present = new Set(input.sources.map((source) => source.path));
  const gone = Object.keys(manifest?.files ?? {})
    .filter((file) => !present.has(file) && (input.mode === 'out' || input.outputs.has(file)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...steps, ...gone.map((path): PlanStep => ({ path, action: 'remove' }))];
}

/** A key for a chapter's changed anchors (`''` when none change). */
export function anchorsKey(anchors: ReadonlyMap<string, string> | undefined): string {
  if (!anchors || anchors.size === 0) return '';
  return JSON.stringify([...anchors]);
}

/**
 * The changed anchors of every chapter after the conversions of this run:
 * a converted chapter's own (from `converted`), else those its skipped step's
 * manifest entry remembers. Chapters whose anchors do not change are absent.
 */
export function anchorsAfter(steps: readonly PlanStep[], converted: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>>): Map<string, Map<string, string>> {
  const anchors = new Map<string, Map<string, string>>();
  for (const step of steps) {
    const list = converted.get(step.path) ?? (step.action === 'skip' ? Object.entries(step.entry?.anchors ?? {}) : []);
    if (list.length > 0) anchors.set(step.path, new Map(list));
  }
  return anchors;
}

/**
 * The skipped chapters whose links follow anchors that changed since they
 * were converted (their manifest entry's `deps` no longer match): they are
 * converted again, so that their links follow.
 */
export function followingAnchors(steps: readonly PlanStep[], anchors: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  return steps
    .filter((step): step is Extract<PlanStep, { action: 'skip' }> => step.action === 'skip' && step.entry?.deps !== undefined)
    .filter((step) => Object.entries(step.entry!.deps!).some(([target, key]) => anchorsKey(anchors.get(target)) !== key))
    .map((step) => step.path);
}

/**
 * Chapters converted in this run, finished (fragments followed, written) as
 * soon as every chapter their links may follow has been converted — not
 * after the whole book — so that writing goes on while other chapters are
 * still being converted. {@link FinishQueue.anchors} ends as
 * {@link anchorsAfter} of the same conversions.
 */
export interface FinishQueue<C> {
  /** The changed anchors of every chapter, as far as known: skipped chapters' from the manifest, converted chapters' as they arrive. */
  readonly anchors: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /**
   * A chapter of `converting` arrived: its conversion, or `undefined` when it
   * failed. With `finish`, its conversion waits until the chapters its
   * fragments may follow have arrived. Returns the conversions ready to be
   * finished now (this one, and those that were waiting for it).
   */
  arrive(path: string, conversion: C | undefined, finish: boolean): C[];
  /** Conversions still waiting (none once every chapter of `converting` has arrived). */
  readonly waiting: number;
}

/** A queue for the conversions of `converting` (paths), on the plan `steps`; `site`: how the book's site serves site-absolute links (see `fragmentTargets`). */
export function finishQueue<C extends Pick<ChapterConversion, 'anchors' | 'fragments' | 'path'>>(steps: readonly PlanStep[], converting: Iterable<string>, site: SiteOptions = {}): FinishQueue<C> {
  const pending = new Set(converting);
  const anchors = anchorsAfter(steps, new Map());
  const waiting = new Map<string, { conversion: C; blockers: Set<string> }>();
  const waitingOn = new Map<string, Set<string>>();
  const wait = (path: string, conversion: C, blockers: Set<string>): void => {
    waiting.set(path, { conversion, blockers });
    for (const blocker of blockers) {
      let list = waitingOn.get(blocker);
      if (!list) waitingOn.set(blocker, (list = new Set()));
      list.add(path);
    }
  };
  const release = (blocker: string): C[] => {
    const ready: C[] = [];
    for (const path of waitingOn.get(blocker) ?? []) {
      const entry = waiting.get(path)!;
      entry.blockers.delete(blocker);
      if (entry.blockers.size > 0) continue;
      waiting.delete(path);
      ready.push(entry.conversion);
    }
    waitingOn.delete(blocker);
    return ready;
  };
  return {
    anchors,
    get waiting() {
      return waiting.size;
    },
    arrive(path, conversion, finish) {
      pending.delete(path);
      if (conversion && conversion.anchors.length > 0) anchors.set(path, new Map(conversion.anchors));
      else if (conversion) anchors.delete(path);
      const ready: C[] = [];
      if (conversion && finish) {
        const blockers = new Set([...fragmentTargets(conversion, site)].filter((target) => pending.has(target)));
        if (blockers.size === 0) ready.push(conversion);
        else wait(path, conversion, blockers);
      }
      ready.push(...release(path));
      return ready;
    },
  };
}
