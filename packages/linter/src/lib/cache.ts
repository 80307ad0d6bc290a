import { factsOf, type Chapter, type ChapterFacts, type Finding } from '@tongwen/book';
import { hashText, readStoreFile, writeStoreFile } from '@tongwen/workspace';

export { codeFingerprint, defaultCacheFolder, hashText } from '@tongwen/workspace';

interface Entry {
  hash: string;
  facts: ChapterFacts;
  /** Findings of the chapter rules (suppressions applied, no fingerprint). */
  findings?: Finding[];
}

interface CacheData {
  format: 1;
  /** Hash of everything besides a file's content that its results depend on. */
  key: string;
  /** Hash of the book's file list: chapter rules may look at which files exist. */
  files?: string;
  entries: Record<string, Entry>;
}

/**
 * The content-hash cache of one book: per chapter, its facts (so unchanged
 * chapters are not parsed again) and the findings of the chapter rules (so
 * they are not run again). Entries are valid only for the same content and
 * the same `key` (tool version, rules and their options, settings). Book
 * rules always run. Lives for one run; saved with {@link ChapterCache.save}.
 *
 * A chapter is known unchanged by the hash of its content, never by its size
 * and modification time: every chapter is read anyway (the findings'
 * fingerprints and the reports' source lines need its text), hashing it costs
 * about 2% of a warm run, and an edit that keeps size and time (a checkout, a
 * same-length fix within the file system's time resolution) is still seen.
 */
export class ChapterCache {
  private readonly previous: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  private readonly hashes = new Map<string, string>();
  private filesHash: string | undefined;
  private files: Set<string> | undefined;

  private constructor(
    readonly file: string,
    readonly key: string,
    previous: Record<string, Entry>,
    private readonly previousFiles: string | undefined,
  ) {
    this.previous = previous;
  }

  /** Open the cache file (a missing, unreadable or outdated file is an empty cache). */
  static open(file: string, key: string): ChapterCache {
    let entries: Record<string, Entry> = {};
    let files: string | undefined;
    try {
      const data = JSON.parse(readStoreFile(file) ?? 'null') as CacheData;
      if (data?.format === 1 && data.key === key && data.entries && typeof data.entries === 'object') {
        entries = data.entries;
        files = data.files;
      }
    } catch {
      entries = {};
    }
    return new ChapterCache(file, key, entries, files);
  }

  /**
   * Tell the cache which files the book has now. Chapter-rule findings are
   * reused only when the list did not change (a rule may look at it: a link
   * to `setup.sh` is not a web address when the file exists).
   */
  bookFiles(files: Iterable<string>): void {
    this.files = new Set(files);
    this.filesHash = hashText([...this.files].sort().join('\n'));
  }

  /** The cached facts of a chapter whose source is `text`, if it did not change. */
  facts(file: string, text: string): ChapterFacts | undefined {
    const hash = hashText(text);
    this.hashes.set(file, hash);
    const entry = this.previous[file];
    return entry?.hash === hash ? entry.facts : undefined;
  }

  /**
   * Keep a chapter's facts for the next run, with its earlier chapter-rule
   * findings when they still hold (same content, same file list): a run that
   * lints only some chapters (`--staged`, `check FILE`) keeps the others'.
   */
  keepFacts(chapter: Chapter): void {
    const hash = this.hashes.get(chapter.path) ?? hashText((chapter.bom ? '\uFEFF' : '') + chapter.source);
    const entry: Entry = { hash, facts: factsOf(chapter) };
    const previous = this.previous[chapter.path];
    if (previous?.hash === hash && previous.findings && this.filesHash !== undefined && this.filesHash === this.previousFiles) entry.findings = previous.findings;
    this.next[chapter.path] = entry;
  }

  /** The cached chapter-rule findings of a chapter, if it did not change. */
  findings(file: string): Finding[] | undefined {
    const entry = this.previous[file];
    if (this.filesHash === undefined || this.filesHash !== this.previousFiles) return undefined;
    if (!entry || entry.hash !== this.hashes.get(file) || !entry.findings) return undefined;
    return entry.findings.map((finding) => ({ ...finding }));
  }

  /** Keep a chapter's chapter-rule findings for the next run. */
  keepFindings(file: string, findings: readonly Finding[]): void {
    const entry = this.next[file];
    if (entry) entry.findings = findings.map(({ fingerprint: _, ...finding }) => structuredClone(finding));
  }

  /**
   * Whether the next run would read anything different from what this run
   * read (a chapter or the file list changed, findings were added, a chapter
   * went away): a warm run with nothing changed does not rewrite the file.
   */
  get changed(): boolean {
    if (this.filesHash !== this.previousFiles) return true;
    const entries = this.#entries();
    const files = Object.keys(entries);
    if (files.length !== Object.keys(this.previous).length) return true;
    return files.some((file) => {
      const before = this.previous[file];
      const after = entries[file]!;
      return !before || before.hash !== after.hash || Boolean(before.findings) !== Boolean(after.findings);
    });
  }

  /**
   * What the next run reads: this run's entries, and the earlier entries of
   * files still in the book that this run did not read (a run of some
   * chapters of a book without contents list); their findings only when the
   * file list is the same (a rule may look at it).
   */
  #entries(): Record<string, Entry> {
    if (!this.files) return this.next;
    const entries: Record<string, Entry> = { ...this.next };
    const sameFiles = this.filesHash === this.previousFiles;
    for (const [file, entry] of Object.entries(this.previous)) {
      if (entries[file] || !this.files.has(file)) continue;
      entries[file] = sameFiles ? entry : { hash: entry.hash, facts: entry.facts };
    }
    return entries;
  }

  /** Write the cache (atomically). Errors are returned, not thrown: a cache is never worth failing a run. */
  save(): Error | undefined {
    try {
      const data: CacheData = { format: 1, key: this.key, ...(this.filesHash ? { files: this.filesHash } : {}), entries: this.#entries() };
      writeStoreFile(this.file, JSON.stringify(data));
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }
}

