import { availableParallelism } from 'node:os';
import path from 'node:path';
import { stripBom, type SiteOptions, type SlugFlavour } from '@tongwen/book';
import { anchorsKey, finishQueue, followingAnchors, fragmentEdits, finishChapter, linkedChapter, planConversion, type ChapterConversion, type LinkTargets, type CodeMode, type ManifestEntry, type OpenccConfig, type PlanSource, type PlanStep, type QuoteStyle } from '@tongwen/convert';
import type { Io } from '../io.js';
import { acquireLock, createAtomicWriter, decodeText, folderNames, hashText, isChapterFile, removeFile, removeStaleTemps, removeStaleTempsBeside, storeKey, workTreeSource, type AtomicWriter } from '@tongwen/workspace';
import { listBookFiles } from './files.js';
import { manifestName, readManifest, writeManifest } from './manifest.js';
import { autoEngineThread, autoJobs, runPool } from './pool.js';
import { createProgress } from './progress.js';
import type { WorkItem, WorkOptions } from './work.js';
import { version } from '../version.js';
import type { ReportTarget } from '../report/outputs.js';
import { reviewFindings, writeReview } from './review.js';
import type { StopHooks } from './interrupt.js';

/** Everything a conversion run needs, resolved and validated. */
export interface ConvertRun {
  /** Absolute source folder. */
  src: string;
  /** Absolute output folder (`src` itself with `inPlace`). */
  out: string;
  inPlace: boolean;
  check: boolean;
  config: OpenccConfig;
  slug: SlugFlavour;
  /** How the book's site serves site-absolute links (the dialect's static folders, the configured site base), for links that follow headings. */
  site?: SiteOptions;
  /** Quotation style of the output; absent: quotes are kept. */
  quotes?: QuoteStyle;
  glossary?: { file: string; text: string; format?: 'json' | 'text' };
  /** Chinese in code converted (`--code`); absent: none. */
  code?: CodeMode;
  /** `--review`: the reports of the review list (every chapter is converted again to make it). */
  review?: ReportTarget[];
  /** Worker threads (`--jobs`); absent: chosen from the work (see `autoJobs`). */
  jobs?: number;
  /** Bump when the conversion itself changes, so that manifests of older versions are ignored. */
  engine: string;
  /** The options the manifest records (see `recorded.ts`). */
  record: Record<string, string>;
  /** Options taken from the manifest that today's defaults would have chosen otherwise, said on stderr. */
  inherited?: string;
}


/** A listed source as read: its plan facts, its bytes, and the text of a chapter. */
interface SourceFile extends PlanSource {
  bytes: Uint8Array;
  /** Decoded text of a chapter (undefined: not a chapter, or not UTF-8). */
  text?: string;
}

/**
 * Convert a book folder. Returns the exit code: 0 done (or mirror up to
 * date with `check`), 1 `check` found stale files, 2 some file could not be
 * read, decoded or written (the others were still converted).
 */
export async function convertFolder(run: ConvertRun, io: Io, stops?: StopHooks): Promise<number> {
  const release = run.check ? undefined : acquireLock(run.out);
  // Interrupted: the lock goes too (after the writes in progress, added later, have ended).
  const forget = release && stops?.add(release);
  try {
    return await convertLocked(run, io, stops);
  } finally {
    forget?.();
    release?.();
  }
}

/** Read and hash every listed source; a Markdown chapter is decoded (a chapter that is not UTF-8 text carries its problem). */
function readSources(run: ConvertRun, paths: readonly string[], say: (line: string) => void): { sources: SourceFile[]; failed: boolean } {
  const input = workTreeSource(run.src);
  const sources: SourceFile[] = [];
  let failed = false;
  for (const file of paths) {
    const read = input.read(file);
    if ('error' in read) {
      say(`${file}: cannot read: ${read.error}`);
      failed = true;
      continue;
    }
    // Markdown in dot-folders (`.github/`) is not part of the book's text: copied as it is.
    const chapter = isChapterFile(file);
    const source: SourceFile = { path: file, hash: hashText(read.bytes), chapter, bytes: read.bytes };
    if (chapter) {
      const decoded = decodeText(read.bytes);
      if ('problem' in decoded) source.problem = decoded.problem.replace(/: not checked$/, '');
      else source.text = decoded.text;
    }
    sources.push(source);
  }
  return { sources, failed };
}

/** The plan of a run: the manifest and the hashes of the outputs it names, read here; the decisions made by `planConversion`. */
function planRun(run: ConvertRun, sources: readonly SourceFile[], key: string, say: (line: string) => void): PlanStep[] {
  const mode = run.check ? 'check' : run.inPlace ? 'in-place' : 'out';
  // Read under the run's lock (the options were chosen from a read before it: another run may have written since).
  const stored = mode === 'in-place' ? undefined : readManifest(run.out);
  if (stored?.problem) say(`tongwen: ${stored.problem}`);
  const manifest = stored && stored.status === 'loaded' ? { key: stored.data.key, files: stored.data.files } : undefined;
  const outputs = new Map<string, string>();
  const outputTree = workTreeSource(run.out);
  const hashOf = new Map(sources.map((source) => [source.path, source.hash]));
  // Only outputs whose hash can matter: of a source unchanged since the entry (out), or of a source that is gone.
  const matter = ([file, entry]: [string, ManifestEntry]): boolean => (hashOf.has(file) ? mode === 'out' && hashOf.get(file) === entry.input : true);
  for (const [file] of Object.entries(manifest?.files ?? {}).filter(matter)) {
    const read = outputTree.read(file);
    if ('bytes' in read) outputs.set(file, hashText(read.bytes));
  }
  return planConversion({ mode, sources, key, outputs, ...(manifest ? { manifest } : {}) });
}

/** What the output of one file is compared with, recorded or written by: the run's state, shared by the functions of the write phase. */
interface Output {
  run: ConvertRun;
  /** The writer of the output folder (absent with `check`). */
  writer?: AtomicWriter;
  /** The files given to the writer, in order, with what the manifest records of each once it is written. */
  writes: Array<{ file: string; entry?: ManifestEntry }>;
  /** Manifest entries of the files whose output is already what it should be. */
  files: Record<string, ManifestEntry>;
  /** With `check`: the files whose output differs. */
  stale: string[];
  /** The current output of a file, if any. */
  existing(file: string): Uint8Array | undefined;
}

/**
 * The current output of a file, if any. Each folder is listed once, so that
 * an output that is not there (every file of a first run) is never opened.
 * Each path is asked about once per run, so the files this run writes meanwhile
 * do not matter.
 */
function outputReader(out: string): (file: string) => Uint8Array | undefined {
  const tree = workTreeSource(out);
  const folders = new Map<string, ReadonlySet<string>>();
  const namesIn = (dir: string): ReadonlySet<string> => {
    let names = folders.get(dir);
    if (!names) folders.set(dir, (names = new Set(folderNames(path.join(out, dir), () => false))));
    return names;
  };
  return (file) => {
    if (!namesIn(path.posix.dirname(file)).has(path.posix.basename(file))) return undefined;
    const current = tree.read(file);
    return 'bytes' in current ? current.bytes : undefined;
  };
}

/** Write (or, with `check`, compare) the output of a source: only when it differs from what is there; `record`: kept in the manifest. */
function emit(output: Output, source: SourceFile, bytes: Uint8Array, extra: Partial<ManifestEntry> = {}, record = true): void {
  const { run } = output;
  const current = run.inPlace && !run.check ? source.bytes : output.existing(source.path);
  const same = current !== undefined && Buffer.compare(current, bytes) === 0;
  if (run.check) {
    if (!same) output.stale.push(source.path);
    return;
  }
  const entry: ManifestEntry | undefined = record ? { input: source.hash, output: hashText(bytes), ...extra } : undefined;
  if (!same) {
    output.writer!.write(source.path, bytes);
    output.writes.push({ file: source.path, ...(entry ? { entry } : {}) });
  } else if (entry) output.files[source.path] = entry;
}

/** Finish a converted chapter (fragments follow the anchors known now) and emit it; a conversion that cannot be applied is returned as a problem. */
function emitConversion(output: Output, source: SourceFile, conversion: ChapterConversion, anchors: ReadonlyMap<string, ReadonlyMap<string, string>>, targets: LinkTargets): string | undefined {
  const { text } = stripBom(source.text!);
  const extra = fragmentEdits(conversion, (target) => anchors.get(target), targets);
  let converted: string;
  try {
    converted = finishChapter(text, conversion, extra);
  } catch (error) {
    return `cannot apply the conversion: ${(error as Error).message}`;
  }
  const deps: Record<string, string> = {};
  for (const ref of conversion.fragments) {
    const target = linkedChapter(ref, conversion.path, targets) ?? ref.target;
    // Once per chapter linked to (a chapter links to its own headings many times).
    if (!Object.hasOwn(deps, target)) deps[target] = anchorsKey(anchors.get(target));
  }
  emit(output, source, Buffer.from(converted, 'utf8'), {
    ...(conversion.anchors.length > 0 ? { anchors: Object.fromEntries(conversion.anchors) } : {}),
    ...(Object.keys(deps).length > 0 ? { deps } : {}),
  });
  return undefined;
}

async function convertLocked(run: ConvertRun, io: Io, stops?: StopHooks): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`${line}\n`);
  if (run.inherited) say(`tongwen convert: ${run.inherited}`);
  const exclude = run.inPlace ? [] : [run.out];
  const paths = listBookFiles(run.src, exclude, [manifestName]);
  const key = storeKey(`${version} ${run.engine}`, { config: run.config, slug: run.slug, quotes: run.quotes ?? null, glossary: run.glossary ? hashText(run.glossary.text) : null, ...(run.code ? { code: run.code } : {}), ...(run.site ? { site: run.site } : {}) });
  const read = readSources(run, paths, say);
  let failed = read.failed;
  const byPath = new Map(read.sources.map((source) => [source.path, source]));
  const steps = planRun(run, read.sources, key, say);
  const stepOf = new Map(steps.map((step) => [step.path, step]));
  const output: Output = {
    run,
    ...(run.check ? {} : { writer: createAtomicWriter(run.out) }),
    writes: [],
    files: {},
    stale: [],
    existing: outputReader(run.out),
  };
  const writer = output.writer;
  // Interrupted: the writes in progress end and their temporary files go (each output old or new).
  const forgetWriter = writer && stops?.add(() => writer.abort());
  const chapterPaths = new Set(read.sources.filter((source) => source.chapter).map((source) => source.path));
  const targets: LinkTargets = { chapters: chapterPaths, ...(run.site ? { site: run.site } : {}) };
  /** Problems of single files, said in the order of the plan once the conversions are done (the same with any number of jobs). */
  const problems = new Map<string, string[]>();
  const problem = (file: string, message: string): void => {
    problems.set(file, [...(problems.get(file) ?? []), message]);
    failed = true;
  };
  const kept = run.inPlace ? 'left' : 'copied';

  // Phase 1: convert the prose of changed chapters (in workers); each is written as soon as the chapters its links follow are converted.
  const workOptions: WorkOptions = { config: run.config, slug: run.slug, ...(run.quotes ? { quotes: run.quotes } : {}), ...(run.code ? { code: run.code } : {}), ...(run.review ? { review: true } : {}), ...(run.glossary ? { glossary: { text: run.glossary.text, ...(run.glossary.format ? { format: run.glossary.format } : {}) } } : {}) };
  /** Conversions kept for the review list (only with `--review`). */
  const fresh = new Map<string, ChapterConversion>();
  /** Chapters converted (once or twice). */
  const converted = new Set<string>();
  const finish = (conversion: ChapterConversion, anchors: ReadonlyMap<string, ReadonlyMap<string, string>>): void => {
    const trouble = emitConversion(output, byPath.get(conversion.path)!, conversion, anchors, targets);
    if (trouble) problem(conversion.path, trouble);
  };
  /** Convert `files`; `written`: chapters whose output is written, so that a chapter that fails is copied unchanged instead. */
  const convertAll = async (files: readonly string[], written: (file: string) => boolean, arrived: (file: string, conversion: ChapterConversion | undefined) => void): Promise<void> => {
    const items: WorkItem[] = files.map((file) => ({ path: file, source: byPath.get(file)!.text! }));
    const progress = createProgress(io.stderr, items.length, 'converting');
    const cores = availableParallelism();
    const jobs = run.jobs ?? autoJobs(items, cores);
    // `--jobs 1` asked for: this thread alone.
    const engineThread = run.jobs === undefined && autoEngineThread(items, cores, run.review !== undefined);
    await runPool(items, workOptions, jobs, (outcome) => {
      progress.tick(outcome.item.path);
      const file = outcome.item.path;
      if ('error' in outcome) {
        problem(file, `cannot convert: ${outcome.error}; ${kept} unchanged, not converted`);
        // The output keeps the book whole (`--check` compares it too); not recorded, so every run reports it.
        if (written(file) && !run.inPlace && !run.check) emit(output, byPath.get(file)!, byPath.get(file)!.bytes, {}, false);
        arrived(file, undefined);
        return;
      }
      converted.add(file);
      if (run.review) fresh.set(file, outcome.result);
      arrived(file, outcome.result);
    }, engineThread);
    progress.done();
  };
  // A review lists every uncertain choice of the book: chapters unchanged since the last run are converted again (their output stays as it is).
  const reviewed = (step: PlanStep): boolean => run.review !== undefined && step.action === 'skip' && byPath.get(step.path)?.text !== undefined;
  const first = steps.filter((step) => step.action === 'convert' || reviewed(step)).map((step) => step.path);
  const queue = finishQueue<ChapterConversion>(steps, first, run.site);
  const toWrite = (file: string): boolean => stepOf.get(file)?.action === 'convert';
  const firstPass = convertAll(first, toWrite, (file, conversion) => {
    for (const ready of queue.arrive(file, conversion, toWrite(file))) finish(ready, queue.anchors);
  });
  // Files that are not converted are written while the workers start and convert.
  for (const step of steps) {
    const source = byPath.get(step.path);
    if (!source) continue;
    if (step.action === 'refuse') {
      problem(step.path, `${step.reason}; ${kept} unchanged, not converted`);
      if (!run.inPlace) emit(output, source, source.bytes);
    } else if (step.action === 'copy') emit(output, source, source.bytes);
  }
  await firstPass;
  // A skipped chapter whose links follow anchors that changed since is converted again (every anchor is known now).
  const again = new Set(followingAnchors(steps, queue.anchors));
  if (again.size > 0) await convertAll([...again], () => true, (_, conversion) => conversion && finish(conversion, queue.anchors));

  // Phase 2: what is left of the plan; wait for the writes.
  const gone: string[] = [];
  let skipped = 0;
  for (const step of steps) {
    if (step.action === 'remove') gone.push(step.path);
    else if (step.action === 'skip' && !again.has(step.path) && byPath.has(step.path)) {
      if (step.entry) output.files[step.path] = step.entry;
      if (byPath.get(step.path)!.chapter) skipped++;
    }
  }
  let written = 0;
  const outcomes = (await output.writer?.close()) ?? [];
  forgetWriter?.();
  // Interrupted: the stop handler ends the process once its cleanups are done; nothing more is written or said.
  if (stops?.stopping) return new Promise<number>(() => {});
  output.writes.forEach((write, index) => {
    const error = outcomes[index];
    if (error) problem(write.file, `cannot write: ${error.message}`);
    else {
      written++;
      if (write.entry) output.files[write.file] = write.entry;
    }
  });
  for (const step of steps) for (const message of problems.get(step.path) ?? []) say(`${step.path}: ${message}`);

  if (run.check) {
    // Files the last run wrote whose source is gone are stale too.
    const stale = [...output.stale, ...gone].sort();
    for (const file of stale) io.stdout.write(`${file}\n`);
    if (stale.length > 0) say(`${stale.length} file${stale.length === 1 ? '' : 's'} of ${path.relative(io.cwd, run.out) || '.'} ${stale.length === 1 ? 'differs' : 'differ'} from a fresh conversion of ${path.relative(io.cwd, run.src) || '.'}; run the same command without --check`);
    else say(`${path.relative(io.cwd, run.out) || '.'} is up to date`);
    return failed ? 2 : stale.length > 0 ? 1 : 0;
  }

  // Temporary files of a killed `--in-place` run (never read as chapters) go now.
  if (run.inPlace) removeStaleTempsBeside(run.out, read.sources.map((source) => source.path));
  if (!run.inPlace) {
    // Remove outputs of sources that are gone (only files this tool wrote), and temporary files of killed runs.
    for (const file of failed ? [] : gone) {
      try {
        removeFile(run.out, file);
      } catch (error) {
        say(`${file}: not removed: ${(error as Error).message}`);
      }
    }
    const folders = new Set(['', ...Object.keys(output.files).map((file) => path.posix.dirname(file))]);
    for (const folder of folders) removeStaleTemps(run.out, folder === '.' ? '' : folder);
    try {
      writeManifest(run.out, { key, meta: run.record, files: output.files });
    } catch (error) {
      say(`${manifestName}: cannot write: ${(error as Error).message}`);
      failed = true;
    }
  }
  if (run.review) {
    const findings = reviewFindings(fresh, (file) => stripBom(byPath.get(file)?.text ?? '').text);
    const problem = writeReview(findings, fresh.size, run.review, run.src, io);
    if (problem) {
      say(problem);
      failed = true;
    }
  }
  say(`${read.sources.length} files: ${converted.size} converted, ${written} written${skipped > 0 ? `, ${skipped} unchanged since the last run` : ''}${run.inPlace ? ' (in place)' : ` to ${path.relative(io.cwd, run.out) || '.'}`}`);
  return failed ? 2 : 0;
}
