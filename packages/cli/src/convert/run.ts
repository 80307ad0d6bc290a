import path from 'node:path';
import { findChapter, stripBom, type SlugFlavour } from '@tongwen/book';
import { fragmentEdits, finishChapter, type ChapterConversion, type OpenccConfig, type QuoteStyle } from '@tongwen/convert';
import type { Io } from '../io.js';
import { acquireLock, decodeText, isHidden, removeFile, removeStaleTemps, workTreeSource, writeFilesAtomic, type FileWrite } from '@tongwen/workspace';
import { listBookFiles, sha256 } from './files.js';
import { anchorsKey, manifestName, readManifest, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { runPool } from './pool.js';
import { createProgress } from './progress.js';
import type { WorkItem, WorkOptions } from './work.js';

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
  /** Quotation style of the output; absent: quotes are kept. */
  quotes?: QuoteStyle;
  glossary?: { file: string; text: string; format?: 'json' | 'text' };
  jobs: number;
  /** Bump when the conversion itself changes, so that manifests of older versions are ignored. */
  engine: string;
}

const markdown = /\.(md|markdown)$/i;

interface SourceFile {
  path: string;
  bytes: Uint8Array;
  hash: string;
  /** Decoded text of a Markdown file (undefined: not Markdown, or not UTF-8). */
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

async function convertLocked(run: ConvertRun, io: Io): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`${line}\n`);
  let failed = false;
  const exclude = run.inPlace ? [] : [run.out];
  const paths = listBookFiles(run.src, exclude, [manifestName]);
  const input = workTreeSource(run.src);
  const outputTree = workTreeSource(run.out);
  const optionsKey = sha256(JSON.stringify({ engine: run.engine, config: run.config, slug: run.slug, quotes: run.quotes ?? null, glossary: run.glossary ? sha256(run.glossary.text) : null }));
  const previous = run.inPlace || run.check ? undefined : await readManifest(run.out);
  const known = previous && previous.options === optionsKey ? previous.files : {};

  // Read every source: hashes decide what is converted again.
  const sources: SourceFile[] = [];
  for (const file of paths) {
    const read = input.read(file);
    if ('error' in read) {
      say(`${file}: cannot read: ${read.error}`);
      failed = true;
      continue;
    }
    const source: SourceFile = { path: file, bytes: read.bytes, hash: sha256(read.bytes) };
    // Markdown in dot-folders (`.github/`) is not part of the book's text: copied as it is.
    if (markdown.test(file) && !isHidden(file)) {
      const decoded = decodeText(read.bytes);
      if ('problem' in decoded) {
        say(`${file}: ${decoded.problem.replace(/: not checked$/, '')}; copied unchanged, not converted`);
        failed = true;
      } else source.text = decoded.text;
    }
    sources.push(source);
  }

  const existing = async (file: string): Promise<Uint8Array | undefined> => {
    const read = outputTree.read(file);
    return 'bytes' in read ? read.bytes : undefined;
  };
  /** Whether the output of a file is still what the manifest says was written. */
  const upToDate = async (source: SourceFile, entry: ManifestEntry | undefined): Promise<boolean> => {
    if (!entry || entry.input !== source.hash) return false;
    const current = await existing(source.path);
    return current !== undefined && sha256(current) === entry.output;
  };

  // Phase 1: convert the prose of changed chapters (in workers).
  const chapters = sources.filter((source) => source.text !== undefined);
  const fresh = new Map<string, ChapterConversion>();
  const clean = new Set<string>();
  const todo: WorkItem[] = [];
  for (const source of chapters) {
    if (!run.check && (await upToDate(source, known[source.path]))) clean.add(source.path);
    else todo.push({ path: source.path, source: source.text! });
  }
  const workOptions: WorkOptions = { config: run.config, slug: run.slug, ...(run.quotes ? { quotes: run.quotes } : {}), ...(run.glossary ? { glossary: { text: run.glossary.text, ...(run.glossary.format ? { format: run.glossary.format } : {}) } } : {}) };
  const convertAll = async (items: WorkItem[]): Promise<void> => {
    const progress = createProgress(io.stderr, items.length, 'converting');
    await runPool(items, workOptions, run.jobs, (outcome) => {
      progress.tick(outcome.item.path);
      if ('error' in outcome) {
        say(`${outcome.item.path}: cannot convert: ${outcome.error}`);
        failed = true;
      } else fresh.set(outcome.item.path, outcome.result);
    });
    progress.done();
  };
  await convertAll(todo);

  const chapterPaths = new Set(chapters.map((source) => source.path));
  // Anchors of every chapter: fresh ones, or those the manifest remembers.
  const anchors = new Map<string, Map<string, string>>();
  for (const source of chapters) {
    const list = fresh.get(source.path)?.anchors ?? Object.entries(known[source.path]?.anchors ?? {});
    if (list.length > 0) anchors.set(source.path, new Map(list));
  }
  // A clean chapter whose links follow anchors that changed since is converted again.
  const again = chapters.filter((source) => clean.has(source.path) && Object.entries(known[source.path]?.deps ?? {}).some(([target, key]) => anchorsKey(anchors.get(target)) !== key));
  for (const source of again) clean.delete(source.path);
  if (again.length > 0) await convertAll(again.map((source) => ({ path: source.path, source: source.text! })));

  // Phase 2: follow anchors, write (or compare).
  const stale: string[] = [];
  const files: Record<string, ManifestEntry> = {};
  let written = 0;
  const emit = async (source: SourceFile, output: Uint8Array, extra: Partial<ManifestEntry> = {}): Promise<void> => {
    const current = run.inPlace && !run.check ? source.bytes : await existing(source.path);
    const same = current !== undefined && Buffer.from(current).equals(Buffer.from(output));
    if (run.check) {
      if (!same) stale.push(source.path);
      return;
    }
    const entry: ManifestEntry = { input: source.hash, output: sha256(output), ...extra };
    if (same) files[source.path] = entry;
    else writes.push({ file: source.path, data: output, entry });
  };
  /** The changed outputs, written together at the end of phase 2 (flushed to disk in batches). */
  const writes: Array<FileWrite & { entry: ManifestEntry }> = [];
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
      files[write.file] = write.entry;
    });
  };

  for (const source of sources) {
    const conversion = fresh.get(source.path);
    if (conversion) {
      const { text } = stripBom(source.text!);
      const extra = fragmentEdits(conversion, (target) => anchors.get(target));
      let output: string;
      try {
        output = finishChapter(text, conversion, extra);
      } catch (error) {
        say(`${source.path}: cannot apply the conversion: ${(error as Error).message}`);
        failed = true;
        continue;
      }
      const deps: Record<string, string> = {};
      for (const ref of conversion.fragments) {
        const target = findChapter(chapterPaths, ref.target) ?? ref.target;
        deps[target] = anchorsKey(anchors.get(target));
      }
      await emit(source, new TextEncoder().encode(output), {
        ...(conversion.anchors.length > 0 ? { anchors: Object.fromEntries(conversion.anchors) } : {}),
        ...(Object.keys(deps).length > 0 ? { deps } : {}),
      });
    } else if (clean.has(source.path)) {
      files[source.path] = known[source.path]!;
    } else if (source.text !== undefined) {
      // converted with an error: reported already
    } else if (run.inPlace) {
      // nothing to copy onto itself
    } else if (!run.check && known[source.path] && (await upToDate(source, known[source.path]))) {
      files[source.path] = known[source.path]!;
    } else {
      await emit(source, source.bytes);
    }
  }

  await writeAll();

  if (run.check) {
    // Files the last run wrote whose source is gone are stale too.
    const recorded = (await readManifest(run.out))?.files ?? {};
    const present = new Set(sources.map((source) => source.path));
    for (const file of Object.keys(recorded)) if (!present.has(file) && (await existing(file)) !== undefined) stale.push(file);
    stale.sort();
    for (const file of stale) io.stdout.write(`${file}\n`);
    if (stale.length > 0) say(`${stale.length} file${stale.length === 1 ? '' : 's'} of ${path.relative(io.cwd, run.out) || '.'} differ from a fresh conversion of ${path.relative(io.cwd, run.src) || '.'}; run the same command without --check`);
    else say(`${path.relative(io.cwd, run.out) || '.'} is up to date`);
    return failed ? 2 : stale.length > 0 ? 1 : 0;
  }

  if (!run.inPlace) {
    // Remove outputs of sources that are gone (only files this tool wrote), and temporary files of killed runs.
    const present = new Set(sources.map((source) => source.path));
    for (const file of Object.keys(known)) {
      if (present.has(file) || failed) continue;
      try {
        removeFile(run.out, file);
      } catch (error) {
        say(`${file}: not removed: ${(error as Error).message}`);
      }
    }
    const folders = new Set(['', ...Object.keys(files).map((file) => path.posix.dirname(file))]);
    for (const folder of folders) removeStaleTemps(run.out, folder === '.' ? '' : folder);
    const manifest: Manifest = { tool: 'tongwen convert', version: 1, options: optionsKey, files };
    try {
      await writeManifest(run.out, manifest);
    } catch (error) {
      say(`${manifestName}: cannot write: ${(error as Error).message}`);
      failed = true;
    }
  }
  say(`${sources.length} files: ${fresh.size} converted, ${written} written${clean.size > 0 ? `, ${clean.size} unchanged since the last run` : ''}${run.inPlace ? ' (in place)' : ` to ${path.relative(io.cwd, run.out) || '.'}`}`);
  return failed ? 2 : 0;
}
