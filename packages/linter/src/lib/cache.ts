import { factsOf, type Chapter, type ChapterFacts, type Contents, type Finding, type Locale } from '@tongwen/book';
import { hashText, ignoredEntries, openRecords, saveRecords, StoredRecord, type RecordKind, type RecordLoad } from '@tongwen/workspace';

export { codeFingerprint, defaultCacheFolder, hashText } from '@tongwen/workspace';

interface Entry {
  /** Content hash of the chapter's bytes (a byte-order mark included). */
  hash: string;
  facts: ChapterFacts;
  /** Findings of the chapter rules (suppressions applied, no fingerprint). */
  findings?: Finding[];
  /**
   * The locale the findings were made under when the chapter has none of its
   * own (too little text: it took the book's dominant locale). Absent when the
   * chapter decides its locale itself.
   */
  fallback?: Locale;
  /** The contents list read from the chapter's text (when it is one), and the grammar option it was read with. */
  contents?: KeptContents;
}

/** A contents list as parsed, and the grammar option (`auto`, `gitbook`, `mdbook`) it was parsed with. */
interface KeptContents {
  grammar: string;
  list: Contents;
}

/** The findings of a whole book (fingerprinted, sorted), kept with the hash of everything they were made from. */
interface BookSummary {
  state: string;
  findings: Finding[];
  /** The same book as a git listing (paths and blob ids, see `git-listing.ts`) when it was read from git: known without reading a chapter. */
  listing?: string;
}

/**
 * What one command read from and saved in the cache files. `read`: the
 * stores as the command first read them, by path; the two checks of a gate
 * read each once, and the second sees what the first read (the state before
 * this command), not what the first saved. `saved`: the chapter entries a
 * check saved in a book's store, by path; a side store keeps what that store
 * will not hold after this command.
 */
export interface CacheReads {
  read: Map<string, RecordLoad<Entry, BookSummary>>;
  saved: Map<string, Record<string, Kept>>;
}

/** An entry the next run reads: built in this run, or an earlier record kept unread (saved back as its bytes). */
type Kept = Entry | StoredRecord<Entry>;

/** The content hash of a kept entry, read or not. */
const hashOfKept = (kept: Kept): string => (kept instanceof StoredRecord ? kept.tag : kept.hash);

/** An empty {@link CacheReads}, for one command. */
export const cacheReads = (): CacheReads => ({ read: new Map(), saved: new Map() });

/**
 * A second store beside a book's own, for the checks of a commit in a gate
 * (HEAD in `--staged`): what that commit has and the book's store does not
 * (the chapters as they were before the staged change, the commit's book
 * findings), so that the next gate does not parse or check them again.
 */
interface SideStore {
  file: string;
  entries: ReadonlyMap<string, StoredRecord<Entry>>;
  book: StoredRecord<BookSummary> | undefined;
}

/** Cached chapter-rule findings, and the book locale they were made under. */
export interface CachedFindings {
  findings: Finding[];
  /** See {@link ChapterCache.keepFindings}. */
  fallback?: Locale;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const severities = new Set(['error', 'warning', 'info']);

function isEdit(value: unknown): boolean {
  return isObject(value) && isCount(value.start) && isCount(value.end) && typeof value.text === 'string';
}

function isFinding(value: unknown): boolean {
  if (!isObject(value) || typeof value.ruleId !== 'string' || !severities.has(value.severity as string) || typeof value.file !== 'string' || typeof value.message !== 'string') return false;
  if (![value.line, value.column, value.endLine, value.endColumn].every(isCount)) return false;
  return value.fix === undefined || (Array.isArray(value.fix) && value.fix.every(isEdit));
}

function isFacts(value: unknown): value is ChapterFacts {
  return isObject(value) && ['headings', 'links', 'references', 'anchors'].every((key) => Array.isArray(value[key]) && (value[key] as unknown[]).every(isObject));
}

const isText = (value: unknown): boolean => typeof value === 'string';
const isPoint = (value: unknown): boolean => isObject(value) && isCount(value.line) && isCount(value.column) && isCount(value.offset);
const isRange = (value: unknown): boolean => isObject(value) && isPoint(value.start) && isPoint(value.end);
const contentsKinds = new Set(['chapter', 'prefix', 'suffix', 'draft', 'text']);

function isContentsEntry(value: unknown): boolean {
  if (!isObject(value) || !isText(value.title) || !isCount(value.depth) || !contentsKinds.has(value.kind as string) || !isRange(value.position)) return false;
  return ['target', 'path', 'anchor', 'part'].every((key) => value[key] === undefined || isText(value[key])) && (value.targetPosition === undefined || isRange(value.targetPosition));
}

function isKeptContents(value: unknown): value is KeptContents {
  if (!isObject(value) || !isText(value.grammar) || !isObject(value.list)) return false;
  const list = value.list;
  if (!isText(list.path) || (list.grammar !== 'gitbook' && list.grammar !== 'mdbook') || (list.title !== undefined && !isText(list.title))) return false;
  return Array.isArray(list.entries) && list.entries.every(isContentsEntry) && Array.isArray(list.parts) && list.parts.every(isText) && Array.isArray(list.problems) && list.problems.every((problem) => isObject(problem) && isText(problem.message) && isRange(problem.position));
}

/** The check cache's records, validated as untrusted input (each when it is read), tagged with their content hash. */
const checkStore: RecordKind<Entry, BookSummary> = {
  tool: 'tongwen check',
  tag: (entry) => entry.hash,
  isEntry: (value): value is Entry =>
    isObject(value) &&
    typeof value.hash === 'string' &&
    isFacts(value.facts) &&
    (value.findings === undefined || (Array.isArray(value.findings) && value.findings.every(isFinding))) &&
    (value.fallback === undefined || typeof value.fallback === 'string') &&
    (value.contents === undefined || isKeptContents(value.contents)),
  isSummary: (value): value is BookSummary =>
    isObject(value) &&
    typeof value.state === 'string' &&
    (value.listing === undefined || typeof value.listing === 'string') &&
    Array.isArray(value.findings) &&
    value.findings.every((finding) => isFinding(finding) && typeof (finding as Finding).fingerprint === 'string'),
};

/**
 * The content-hash cache of one book, on the one store of
 * `@tongwen/workspace`: per chapter, its facts (so unchanged chapters are not
 * parsed again) and the findings of the chapter rules (so they are not run
 * again). Entries are valid only for the same content and the same `key`
 * ({@link storeKey} of the code and the rules, options and settings). Book
 * rules always run. Lives for one run; saved with {@link ChapterCache.saveIfChanged}.
 *
 * A chapter is known unchanged by the hash of its content, never by its size
 * and modification time: every chapter is read anyway (the findings'
 * fingerprints and the reports' source lines need its text), hashing it costs
 * about 2% of a warm run, and an edit that keeps size and time (a checkout, a
 * same-length fix within the file system's time resolution) is still seen.
 */
export class ChapterCache {
  private readonly next: Record<string, Kept> = {};
  /** The chapters whose earlier record {@link keepFacts} kept unread: their entry is built from them if the record is not well formed. */
  private readonly chapters = new Map<string, Chapter>();
  private readonly hashes = new Map<string, string>();
  /** The last text hashed per file: a text read once and looked up twice (the chapter pass, then the load) is hashed once. */
  private readonly hashed = new Map<string, { text: string; hash: string }>();
  /** The contents lists read in this run ({@link contents}), by file, with the hash of the text they were read from. */
  private readonly lists = new Map<string, KeptContents & { hash: string }>();
  private filesHash: string | undefined;
  private files: Set<string> | undefined;
  private nextBook: BookSummary | undefined;
  private sameMemo: { same: boolean } | undefined;

  private constructor(
    readonly file: string,
    readonly key: string,
    private readonly previous: ReadonlyMap<string, StoredRecord<Entry>>,
    private readonly previousFiles: string | undefined,
    private readonly openProblem: string | undefined,
    private readonly previousBook: StoredRecord<BookSummary> | undefined,
    private readonly side?: SideStore,
    private readonly reads?: CacheReads,
  ) {}

  /**
   * Why the cache file, or some of its entries, was ignored, for the log; the
   * run is correct without it. Entries are read when a run needs them: ask
   * after the run.
   */
  get problems(): string[] {
    const broken = [...this.previous].filter(([, record]) => record.broken).map(([file]) => file);
    const unread = broken.length === 0 ? [] : [ignoredEntries(this.file, broken, 'a well-formed record')];
    return [...(this.openProblem ? [this.openProblem] : []), ...unread];
  }

  /** Whether this cache keeps what it learns in a side store (see {@link ChapterCache.open}). */
  get hasSide(): boolean {
    return this.side !== undefined;
  }

  /**
   * Open the cache file (a missing, outdated or malformed file is an empty
   * cache; a malformed one is named in `problem`). With `side`, a second
   * store is read too, and what this run learns is saved there, never in
   * `file` (the check of a commit: see {@link SideStore}).
   */
  static open(file: string, key: string, reads?: CacheReads, side?: string): ChapterCache {
    const { data, problem } = readStore(file, key, reads);
    const other = side === undefined ? undefined : readStore(side, key, reads).data;
    return new ChapterCache(file, key, data.records, data.meta?.bookFiles, problem, data.summary, other && side !== undefined ? { file: side, entries: other.records, book: other.summary } : undefined, reads);
  }

  /**
   * The state of the whole book as read so far: a hash of its file list,
   * of every chapter's content (each chapter read through {@link facts}) and
   * of `inputs` (whatever else the book's findings depend on: the contents
   * settings, load problems, mirror history). `undefined` before
   * {@link bookFiles}.
   */
  bookState(inputs: unknown): string | undefined {
    if (this.filesHash === undefined) return undefined;
    const chapters = [...this.hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return hashText(JSON.stringify([this.filesHash, chapters, inputs]));
  }

  /** The content hash ({@link hashText} of its bytes) of a chapter read in this run through {@link facts}. */
  hashOf(file: string): string | undefined {
    return this.hashes.get(file);
  }

  /** The findings of the whole book (with fingerprints) from the run that saw the same {@link bookState}. */
  bookFindings(state: string): Finding[] | undefined {
    const summary = this.#summaries().find((known) => known?.state === state);
    return summary?.findings.map((finding) => ({ ...finding }));
  }

  /** The findings of the whole book (with fingerprints) from a run that read the same git listing (see `git-listing.ts`). */
  listedFindings(listing: string): Finding[] | undefined {
    const summary = this.#summaries().find((known) => known?.listing === listing);
    return summary?.findings.map((finding) => ({ ...finding }));
  }

  /**
   * Keep the findings of the whole book under its {@link bookState} for the
   * next run, and under `listing`, the git listing it was read from, when
   * given (a summary already kept under the state learns the listing).
   */
  keepBookFindings(state: string, findings: readonly Finding[], listing?: string): void {
    const known = this.#summaries().find((summary) => summary?.state === state);
    if (known) {
      if (listing !== undefined && known.listing !== listing) this.nextBook = { ...known, listing };
      return;
    }
    this.nextBook = { state, findings: structuredClone([...findings]), ...(listing !== undefined ? { listing } : {}) };
  }

  /** The book summaries of the book's store and the side store, read. */
  #summaries(): (BookSummary | undefined)[] {
    return [this.previousBook?.read(), this.side?.book?.read()];
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

  /**
   * The cached facts of a chapter whose source is `text`, if it did not
   * change: a function that reads them from the store when called (a run
   * that reuses the whole book's findings reads none); it gives `undefined`
   * when the stored record turns out not to be well formed.
   */
  facts(file: string, text: string): (() => ChapterFacts | undefined) | undefined {
    const known = this.hashed.get(file);
    const hash = known?.text === text ? known.hash : hashText(text);
    this.hashed.set(file, { text, hash });
    this.hashes.set(file, hash);
    this.sameMemo = undefined;
    if (this.#same(file, hash)) return () => this.#earlier(file, hash)?.facts;
    const other = this.#sameInSide(file, hash);
    return other && (() => other.facts);
  }

  /** The earlier entry of a file with this content: the book's store, else the side store. */
  #earlier(file: string, hash: string): Entry | undefined {
    return this.#same(file, hash)?.read() ?? this.#sameInSide(file, hash);
  }

  /** The book store's record of a file when it has this content (unread). */
  #same(file: string, hash: string): StoredRecord<Entry> | undefined {
    const record = this.previous.get(file);
    return record?.tag === hash ? record : undefined;
  }

  #sameInSide(file: string, hash: string): Entry | undefined {
    const record = this.side?.entries.get(file);
    return record?.tag === hash ? record.read() : undefined;
  }

  /**
   * The contents list in a chapter's text, as `parse` reads it with the
   * grammar option `grammar`; kept with the chapter's entry, so that a
   * contents file with the bytes an earlier run read (under the same key)
   * is not parsed again. Call after the chapter's {@link facts}.
   */
  contents(file: string, grammar: string, parse: () => Contents): Contents {
    const hash = this.hashes.get(file);
    if (hash === undefined) return parse();
    const now = this.lists.get(file);
    if (now?.hash === hash && now.grammar === grammar) return now.list;
    const earlier = this.#earlier(file, hash)?.contents;
    const list = earlier?.grammar === grammar ? earlier.list : parse();
    this.lists.set(file, { hash, grammar, list });
    return list;
  }

  /** A kept entry, read; a record that is not well formed is its chapter's facts when this run read the chapter (else `undefined`). */
  #read(file: string, kept: Kept | undefined): Entry | undefined {
    if (!(kept instanceof StoredRecord)) return kept;
    const chapter = kept.read() ? undefined : this.chapters.get(file);
    return kept.read() ?? (chapter && { hash: kept.tag, facts: factsOf(chapter) });
  }

  /** Entries to save: the records found not well formed replaced by their chapter's facts, or left out. */
  #settled(entries: Record<string, Kept>): Record<string, Kept> {
    const settled: Record<string, Kept> = {};
    for (const [file, kept] of Object.entries(entries)) {
      const entry = kept instanceof StoredRecord && kept.broken ? this.#read(file, kept) : kept;
      if (entry) settled[file] = entry;
    }
    return settled;
  }

  /** This run's entries (a copy), with the contents lists read from their texts. */
  #current(): Record<string, Kept> {
    const entries: Record<string, Kept> = { ...this.next };
    for (const [file, { hash, grammar, list }] of this.lists) {
      const kept = entries[file];
      const entry = kept && hashOfKept(kept) === hash ? this.#read(file, kept) : undefined;
      // A stored record that holds this very list is kept as it is (saved back as its bytes).
      if (entry && entry.contents?.list !== list) entries[file] = { ...entry, contents: { grammar, list } };
    }
    return entries;
  }

  /**
   * Keep a chapter's facts for the next run, with its earlier chapter-rule
   * findings when they still hold (same content, same file list): a run that
   * lints only some chapters (`--staged`, `check FILE`) keeps the others'.
   */
  keepFacts(chapter: Chapter): void {
    const hash = this.hashes.get(chapter.path) ?? hashText((chapter.bom ? '\uFEFF' : '') + chapter.source);
    const record = this.#same(chapter.path, hash);
    // The earlier record of the same content, whose findings (if any) still hold, is kept unread: saved again as its bytes.
    if (record && !record.broken && this.filesHash !== undefined && this.filesHash === this.previousFiles) {
      this.next[chapter.path] = record;
      this.chapters.set(chapter.path, chapter);
      return;
    }
    this.next[chapter.path] = { hash, facts: factsOf(chapter) };
  }

  /**
   * The cached chapter-rule findings of a chapter, if neither it, the book's
   * file list nor (for a chapter that took it) the book's dominant locale
   * changed. `dominant` gives the locale such a chapter would take now; it is
   * called only for those chapters.
   */
  findings(file: string, dominant: () => Locale): CachedFindings | undefined {
    if (this.filesHash === undefined || this.filesHash !== this.previousFiles) return undefined;
    const hash = this.hashes.get(file);
    const entry = hash === undefined ? undefined : this.#same(file, hash)?.read();
    if (!entry?.findings) return undefined;
    // The same texts and files have the same dominant locale: worked out only when something changed.
    if (entry.fallback !== undefined && !this.#sameBook() && entry.fallback !== dominant()) return undefined;
    return { findings: entry.findings.map((finding) => ({ ...finding })), ...(entry.fallback ? { fallback: entry.fallback } : {}) };
  }

  /**
   * Keep a chapter's chapter-rule findings for the next run. `fallback`: the
   * book's dominant locale when the chapter took it (having too little text
   * to decide its own), so that the findings are not reused under another.
   */
  keepFindings(file: string, findings: readonly Finding[], fallback?: Locale): void {
    const kept = this.next[file];
    const read = this.#read(file, kept);
    const entry = read && kept instanceof StoredRecord ? { ...read } : read;
    if (!entry) return;
    entry.findings = findings.map(({ fingerprint: _, ...finding }) => structuredClone(finding));
    if (fallback) entry.fallback = fallback;
    this.next[file] = entry;
  }

  /** Whether the side store would hold other entries than `entries` (its book summary aside). */
  #sideChanged(entries: Record<string, Entry>): boolean {
    if (this.nextBook) return true;
    const kept = this.side?.entries;
    return Object.entries(entries).some(([file, entry]) => {
      const record = kept?.get(file);
      return record?.tag !== entry.hash || record.read()?.contents?.grammar !== entry.contents?.grammar;
    });
  }

  /** Whether the book's store holds anything other than `entries` and this run's file list and summary. */
  #bookChanged(entries: Record<string, Kept>): boolean {
    if (this.nextBook) return true;
    if (this.filesHash !== this.previousFiles) return true;
    const files = Object.keys(entries);
    if (files.length !== this.previous.size) return true;
    return files.some((file) => {
      const record = this.previous.get(file);
      const kept = entries[file]!;
      // A record kept unread is the record read.
      if (kept === record && !record.broken) return false;
      // Another hash: changed, without parsing the stored record.
      if (!record || record.tag !== hashOfKept(kept)) return true;
      const before = record.read();
      const after = this.#read(file, kept);
      return !before || !after || before.hash !== after.hash || Boolean(before.findings) !== Boolean(after.findings) || before.fallback !== after.fallback || before.contents?.grammar !== after.contents?.grammar;
    });
  }

  /** Whether every chapter read so far is as the earlier run saw it, and no other: the same book (see {@link findings}). */
  #sameBook(): boolean {
    if (this.sameMemo) return this.sameMemo.same;
    const same = this.filesHash === this.previousFiles && this.hashes.size === this.previous.size && [...this.hashes].every(([file, hash]) => this.previous.get(file)?.tag === hash);
    this.sameMemo = { same };
    return same;
  }

  /**
   * What the next run reads: this run's entries, and the earlier entries of
   * files still in the book that this run did not read (a run of some
   * chapters of a book without contents list); their findings only when the
   * file list is the same (a rule may look at it).
   */
  #entries(): Record<string, Kept> {
    const entries = this.#current();
    if (!this.files) return entries;
    const sameFiles = this.filesHash === this.previousFiles;
    for (const [file, record] of this.previous) {
      if (entries[file] || !this.files.has(file)) continue;
      const entry = sameFiles ? undefined : record.read();
      if (sameFiles) entries[file] = record;
      else if (entry) entries[file] = { hash: entry.hash, facts: entry.facts };
    }
    return entries;
  }

  /**
   * What the side store keeps: this run's entries that the book's store
   * does not hold as this command leaves it (an earlier check of the same
   * command may have saved it), facts and contents lists only (its
   * entries' findings are not this run's to keep).
   */
  #sideEntries(): Record<string, Entry> {
    const saved = this.reads?.saved.get(this.file);
    const hashInBook = (file: string): string | undefined => {
      const kept = saved ? saved[file] : this.previous.get(file);
      return kept && hashOfKept(kept);
    };
    const entries: Record<string, Entry> = {};
    for (const [file, kept] of Object.entries(this.#current())) {
      const entry = hashInBook(file) === hashOfKept(kept) ? undefined : this.#read(file, kept);
      if (entry) entries[file] = { hash: entry.hash, facts: entry.facts, ...(entry.contents ? { contents: entry.contents } : {}) };
    }
    return entries;
  }

  /**
   * Write the cache (atomically) when the next run would read anything
   * different from what this run read (a chapter or the file list changed,
   * findings were added, a chapter went away): a warm run with nothing
   * changed does not rewrite the file. Errors are returned, not thrown: a
   * cache is never worth failing a run.
   */
  saveIfChanged(): Error | undefined {
    if (this.side) {
      const entries = this.#sideEntries();
      return this.#sideChanged(entries) ? this.#saveSide(this.side, entries) : undefined;
    }
    const entries = this.#entries();
    return this.#bookChanged(entries) ? this.#saveBook(entries) : undefined;
  }

  #saveSide(side: SideStore, files: Record<string, Entry>): Error | undefined {
    const book = this.nextBook ?? wellFormed(side.book);
    return attempt(() => saveRecords(side.file, checkStore, { key: this.key, ...(book ? { summary: book } : {}), records: files }));
  }

  #saveBook(entries: Record<string, Kept>): Error | undefined {
    // A run that did not lint the whole book keeps the earlier summary: its state still says what it holds.
    const summary = this.nextBook ?? wellFormed(this.previousBook);
    const files = this.#settled(entries);
    return attempt(() => {
      saveRecords(this.file, checkStore, { key: this.key, ...(this.filesHash ? { meta: { bookFiles: this.filesHash } } : {}), ...(summary ? { summary } : {}), records: files });
      this.reads?.saved.set(this.file, files);
    });
  }
}

/** A summary to save again: not one read and found malformed. */
function wellFormed(summary: StoredRecord<BookSummary> | undefined): StoredRecord<BookSummary> | undefined {
  return summary?.broken ? undefined : summary;
}

/** Run `write`; its error returned, not thrown. */
function attempt(write: () => void): Error | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/** A store as this command first read it (see {@link CacheReads}). */
function readStore(file: string, key: string, reads: CacheReads | undefined): RecordLoad<Entry, BookSummary> {
  let load = reads?.read.get(file);
  if (!load || load.data.key !== key) {
    load = openRecords(file, checkStore, key);
    reads?.read.set(file, load);
  }
  return load;
}
