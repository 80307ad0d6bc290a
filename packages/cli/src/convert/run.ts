import path from 'node:path';
import { stripBom, type SiteOptions, type SlugFlavour } from '@tongwen/book';
import { anchorsAfter, anchorsKey, followingAnchors, fragmentEdits, finishChapter, linkedChapter, planConversion, type ChapterConversion, type CodeMode, type ManifestEntry, type OpenccConfig, type PlanSource, type PlanStep, type QuoteStyle } from '@tongwen/convert';
import type { Io } from '../io.js';
import { acquireLock, decodeText, hashText, isChapterFile, removeFile, removeStaleTemps, removeStaleTempsBeside, storeKey, workTreeSource, writeFilesAtomic, type FileWrite } from '@tongwen/workspace';
import { listBookFiles } from './files.js';
import { manifestName, readManifest, writeManifest } from './manifest.js';
import { runPool } from './pool.js';
import { createProgress } from './progress.js';
import type { WorkItem, WorkOptions } from './work.js';
import { version } from '../version.js';
import type { ReportTarget } from '../report/outputs.js';
import { reviewFindings, writeReview } from './review.js';

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
  jobs: number;
  /** Bump when the conversion itself changes, so that manifests of older versions are ignored. */
  engine: string;
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
export async function convertFolder(run: ConvertRun, io: Io): Promise<number> {
  const release = run.check ? undefined : acquireLock(run.out);
  try {
    return await convertLocked(run, io);
  } finally {
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

async function convertLocked(run: ConvertRun, io: Io): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`${line}\n`);
  const exclude = run.inPlace ? [] : [run.out];
  const paths = listBookFiles(run.src, exclude, [manifestName]);
  const key = storeKey(`${version} ${run.engine}`, { config: run.config, slug: run.slug, quotes: run.quotes ?? null, glossary: run.glossary ? hashText(run.glossary.text) : null, ...(run.code ? { code: run.code } : {}), ...(run.site ? { site: run.site } : {}) });
  const read = readSources(run, paths, say);
  let failed = read.failed;
  const byPath = new Map(read.sources.map((source) => [source.path, source]));
  const steps = planRun(run, read.sources, key, say);
  const outputTree = workTreeSource(run.out);
  const existing = (file: string): Uint8Array | undefined => {
    const output = outputTree.read(file);
    return 'bytes' in output ? output.bytes : undefined;
  };

  // Phase 1: convert the prose of changed chapters (in workers).
  const fresh = new Map<string, ChapterConversion>();
  /** Chapters that could not be converted: kept as they are, and not recorded, so every run reports them. */
  const unconverted = new Set<string>();
  const workOptions: WorkOptions = { config: run.config, slug: run.slug, ...(run.quotes ? { quotes: run.quotes } : {}), ...(run.code ? { code: run.code } : {}), ...(run.review ? { review: true } : {}), ...(run.glossary ? { glossary: { text: run.glossary.text, ...(run.glossary.format ? { format: run.glossary.format } : {}) } } : {}) };
  const convertAll = async (files: readonly string[]): Promise<void> => {
    const items: WorkItem[] = files.map((file) => ({ path: file, source: byPath.get(file)!.text! }));
    const progress = createProgress(io.stderr, items.length, 'converting');
    await runPool(items, workOptions, run.jobs, (outcome) => {
      progress.tick(outcome.item.path);
      if ('error' in outcome) {
        say(`${outcome.item.path}: cannot convert: ${outcome.error}; ${run.inPlace ? 'left' : 'copied'} unchanged, not converted`);
        unconverted.add(outcome.item.path);
        failed = true;
      } else fresh.set(outcome.item.path, outcome.result);
    });
    progress.done();
  };
  // A review lists every uncertain choice of the book: chapters unchanged since the last run are converted again (their output stays as it is).
  const reviewed = (step: PlanStep): boolean => run.review !== undefined && step.action === 'skip' && byPath.get(step.path)?.text !== undefined;
  await convertAll(steps.filter((step) => step.action === 'convert' || reviewed(step)).map((step) => step.path));
  // Anchors of every chapter: fresh ones, or those the manifest remembers; a skipped chapter whose links follow anchors that changed since is converted again.
  const anchors = anchorsAfter(steps, new Map([...fresh].map(([file, conversion]) => [file, conversion.anchors])));
  const again = new Set(followingAnchors(steps, anchors));
  if (again.size > 0) await convertAll([...again]);

  // Phase 2: follow anchors, write (or compare).
  const chapterPaths = new Set(read.sources.filter((source) => source.chapter).map((source) => source.path));
  const stale: string[] = [];
  const files: Record<string, ManifestEntry> = {};
  let written = 0;
  let skipped = 0;
  const emit = (source: SourceFile, output: Uint8Array, extra: Partial<ManifestEntry> = {}, record = true): void => {
    const current = run.inPlace && !run.check ? source.bytes : existing(source.path);
    const same = current !== undefined && Buffer.from(current).equals(Buffer.from(output));
    if (run.check) {
      if (!same) stale.push(source.path);
      return;
    }
    const entry: ManifestEntry | undefined = record ? { input: source.hash, output: hashText(output), ...extra } : undefined;
    if (!same) writes.push({ file: source.path, data: output, ...(entry ? { entry } : {}) });
    else if (entry) files[source.path] = entry;
  };
  /** The changed outputs, written together at the end of phase 2 (flushed to disk in batches); `entry` absent: not recorded in the manifest. */
  const writes: Array<FileWrite & { entry?: ManifestEntry }> = [];
  const writeAll = async (): Promise<void> => {
    const outcomes = await writeFilesAtomic(run.out, writes);
    writes.forEach((write, index) => {
      const error = outcomes[index];
      if (error) {
        say(`${write.file}: cannot write: ${error.message}`);
        failed = true;
        return;
      }
      written++;
      if (write.entry) files[write.file] = write.entry;
    });
  };
  const emitConversion = (source: SourceFile, conversion: ChapterConversion): void => {
    const { text } = stripBom(source.text!);
    const targets = { chapters: chapterPaths, ...(run.site ? { site: run.site } : {}) };
    const extra = fragmentEdits(conversion, (target) => anchors.get(target), targets);
    let output: string;
    try {
      output = finishChapter(text, conversion, extra);
    } catch (error) {
      say(`${source.path}: cannot apply the conversion: ${(error as Error).message}`);
      failed = true;
      return;
    }
    const deps: Record<string, string> = {};
    for (const ref of conversion.fragments) {
      const target = linkedChapter(ref, conversion.path, targets) ?? ref.target;
      deps[target] = anchorsKey(anchors.get(target));
    }
    emit(source, new TextEncoder().encode(output), {
      ...(conversion.anchors.length > 0 ? { anchors: Object.fromEntries(conversion.anchors) } : {}),
      ...(Object.keys(deps).length > 0 ? { deps } : {}),
    });
  };

  const gone: string[] = [];
  for (const step of steps) {
    const source = byPath.get(step.path);
    if (step.action === 'remove') gone.push(step.path);
    else if (!source) continue;
    else if (step.action === 'refuse') {
      say(`${step.path}: ${step.reason}; ${run.inPlace ? 'left' : 'copied'} unchanged, not converted`);
      failed = true;
      if (!run.inPlace) emit(source, source.bytes);
    } else if (step.action === 'copy') emit(source, source.bytes);
    else if (step.action === 'skip' && !again.has(step.path)) {
      if (step.entry) files[step.path] = step.entry;
      if (source.chapter) skipped++;
    } else {
      // convert, or a skipped chapter converted again: a conversion that failed was reported already.
      const conversion = fresh.get(step.path);
      if (conversion) emitConversion(source, conversion);
      // Reported already; the output keeps the book whole (`--check` compares it too).
      else if (unconverted.has(step.path) && !run.inPlace && !run.check) emit(source, source.bytes, {}, false);
    }
  }

  await writeAll();

  if (run.check) {
    // Files the last run wrote whose source is gone are stale too.
    stale.push(...gone);
    stale.sort();
    for (const file of stale) io.stdout.write(`${file}\n`);
    if (stale.length > 0) say(`${stale.length} file${stale.length === 1 ? '' : 's'} of ${path.relative(io.cwd, run.out) || '.'} differ from a fresh conversion of ${path.relative(io.cwd, run.src) || '.'}; run the same command without --check`);
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
    const folders = new Set(['', ...Object.keys(files).map((file) => path.posix.dirname(file))]);
    for (const folder of folders) removeStaleTemps(run.out, folder === '.' ? '' : folder);
    try {
      writeManifest(run.out, { key, files });
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
  say(`${read.sources.length} files: ${fresh.size} converted, ${written} written${skipped > 0 ? `, ${skipped} unchanged since the last run` : ''}${run.inPlace ? ' (in place)' : ` to ${path.relative(io.cwd, run.out) || '.'}`}`);
  return failed ? 2 : 0;
}
