/**
 * Files tongwen keeps for itself, read as untrusted input and written
 * atomically. One content-hash store for the check cache and the convert
 * manifest: one hash, one key (tool version and configuration), one
 * validation, one atomic save. Two layouts: the JSON of {@link openStore}
 * and {@link saveStore} (the convert manifest, a file people read in
 * reviews), and the records of `store-records.ts` (the check cache: a run
 * reads only the records it needs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './write.js';

/** The text of a file tongwen keeps, or `undefined` when it is absent or unreadable. */
export function readStoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The bytes of a file tongwen keeps (or reads whole, as the git index), or `undefined` when it is absent or unreadable. */
export function readStoreBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Write a file tongwen keeps, atomically, inside its own folder (created if needed). */
export function writeStoreFile(file: string, data: string | Uint8Array): void {
  writeFileAtomic(path.dirname(path.resolve(file)), path.basename(file), data);
}

/** The one content hash of tongwen's stores: SHA-256 of a string (as UTF-8) or of bytes, hex. */
export function hashText(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Layout version of every store file: bumped when the layout itself changes. */
const storeVersion = 1;

/** What one kind of store keeps per file (the check cache, the convert manifest), and of the whole set (`S`, optional). */
export interface StoreKind<E, S = never> {
  /** What the file is, written in it (`tongwen check`, `tongwen convert`): a file of another kind is not read. */
  tool: string;
  /** Whether an entry read from the file is well formed (the file is untrusted input). */
  isEntry(value: unknown): value is E;
  /** Indent the file (one that people read in reviews). Default: compact. */
  pretty?: boolean;
  /** Whether the summary read from the file is well formed; a kind without it keeps none. */
  isSummary?(value: unknown): value is S;
}

/** The content of a store: entries by path (`/`-separated, from the store's root), valid under `key`. */
export interface StoreData<E, S = never> {
  /** {@link storeKey} of everything besides a file's own content that the entries depend on. */
  key: string;
  /** Other hashes the store keeps (the check cache: the book's file list). */
  meta?: Record<string, string>;
  /** What the store keeps of the whole set of files (the check cache: the book's findings, by a hash of everything they depend on). */
  summary?: S;
  files: Record<string, E>;
}

/** What opening a store gave: its entries (none when missing, outdated or malformed) and why some were not used. */
export interface StoreLoad<E, S = never> {
  status: 'missing' | 'outdated' | 'loaded' | 'invalid';
  data: StoreData<E, S>;
  /** Why the file (`invalid`) or some of its entries (`loaded`) were ignored: for the log. */
  problem?: string;
}

/**
 * The key of a store's entries: a hash of the tool's version (whatever must
 * invalidate every entry when the tool changes) and the configuration that
 * results depend on. Entries saved under another key are not used.
 */
export function storeKey(version: string, config: unknown): string {
  return hashText(JSON.stringify([storeVersion, version, config ?? null]));
}

/** A relative `/`-separated path that stays inside its folder. */
export function isSafePath(file: string): boolean {
  if (file === '' || file.includes('\\') || file.includes('\0') || /^[a-zA-Z]:/.test(file) || file.startsWith('/')) return false;
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Open a store file as untrusted input: a missing file, or one saved under
 * another key than `key` (when given: else any key is taken), is an empty store; a file that is not a store of this kind is
 * ignored (`invalid`, with the reason); entries whose path leaves the folder
 * (`../x`, `/etc/x`) or that are malformed are dropped (named in `problem`).
 * Nothing outside the store's folder is ever touched because a store said so.
 */
export function openStore<E, S = never>(file: string, kind: StoreKind<E, S>, key?: string): StoreLoad<E, S> {
  return parseStore(readStoreFile(file), file, kind, key);
}

/**
 * {@link openStore} of a store's text read elsewhere (a file source: the
 * git index, a commit); `undefined` is a missing store. `file` names it in
 * the problems.
 */
export function parseStore<E, S = never>(text: string | undefined, file: string, kind: StoreKind<E, S>, key?: string): StoreLoad<E, S> {
  const empty: StoreData<E, S> = { key: key ?? '', files: {} };
  if (text === undefined) return { status: 'missing', data: empty };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { status: 'invalid', data: empty, problem: `Unexpected content in \`${file}\`, expected JSON: ignored` };
  }
  if (!isObject(raw) || raw.tool !== kind.tool || raw.version !== storeVersion || typeof raw.options !== 'string' || !isObject(raw.files)) {
    return { status: 'invalid', data: empty, problem: `Unexpected content in \`${file}\`, expected a \`${kind.tool}\` store of version ${storeVersion}: ignored` };
  }
  if (key !== undefined && raw.options !== key) return { status: 'outdated', data: empty };
  const files: Record<string, E> = {};
  const dropped: string[] = [];
  for (const [path, entry] of Object.entries(raw.files)) {
    if (isSafePath(path) && kind.isEntry(entry)) files[path] = entry;
    else dropped.push(path);
  }
  const meta = isObject(raw.meta) ? Object.fromEntries(Object.entries(raw.meta).filter((pair): pair is [string, string] => typeof pair[1] === 'string')) : undefined;
  // A summary that is not well formed is dropped silently: it is only ever a shortcut.
  const summary = raw.summary !== undefined && kind.isSummary?.(raw.summary) ? { summary: raw.summary } : {};
  const data: StoreData<E, S> = { key: raw.options, ...(meta ? { meta } : {}), ...summary, files };
  if (dropped.length === 0) return { status: 'loaded', data };
  return { status: 'loaded', data, problem: ignoredEntries(file, dropped, 'a path inside its folder and a well-formed record') };
}

/** The log line for entries of the store `file` that were ignored (the first three named): `expected` says what an entry must be. */
export function ignoredEntries(file: string, names: readonly string[], expected: string): string {
  const shown = names.slice(0, 3).map((name) => `\`${JSON.stringify(name).slice(1, -1)}\``).join(', ');
  return `Unexpected ${names.length === 1 ? 'entry' : `${names.length} entries`} ${shown}${names.length > 3 ? ' …' : ''} in \`${file}\`, expected ${expected}: ignored`;
}

/** Save a store atomically, keys sorted: the same content gives the same bytes (no timestamps). */
export function saveStore<E, S = never>(file: string, kind: StoreKind<E, S>, data: StoreData<E, S>): void {
  const files: Record<string, E> = {};
  // What opening would drop is not written.
  for (const name of Object.keys(data.files).sort()) if (isSafePath(name)) files[name] = data.files[name]!;
  const layout = { tool: kind.tool, version: storeVersion, options: data.key, ...(data.meta ? { meta: data.meta } : {}), ...(data.summary !== undefined ? { summary: data.summary } : {}), files };
  writeStoreFile(file, kind.pretty ? `${JSON.stringify(layout, null, 1)}\n` : JSON.stringify(layout));
}

/** Defined (`true`) by the command's bundler (packages/cli/scripts/bundle.mjs); undeclared elsewhere. */
declare const TONGWEN_BUNDLE: boolean | undefined;

/**
 * A fingerprint of the code whose results a cache keeps: the size and
 * modification time of every file of the book, rules, linter, convert and
 * workspace packages — or, in the command's bundle, of the bundle's own
 * files (the parser's CommonJS file among them). Rebuilding or editing any
 * of them invalidates every cache.
 */
export function codeFingerprint(): string {
  const hash = createHash('sha1');
  const walk = (dir: string, deep: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (deep) walk(full, deep);
      } else if (/\.(c?js|ts|json)$/.test(entry.name)) {
        const stat = statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  if (typeof TONGWEN_BUNDLE !== 'undefined') {
    walk(fileURLToPath(new URL('.', import.meta.url)), false);
    return hash.digest('hex');
  }
  const packages = new URL('../../../', import.meta.url);
  for (const name of ['book', 'rules', 'linter', 'convert', 'workspace']) {
    for (const sub of ['dist', 'src']) walk(fileURLToPath(new URL(`${name}/${sub}`, packages)), true);
  }
  return hash.digest('hex');
}

/** The default cache folder: `node_modules/.cache/tongwen` of the working directory, else the system's temporary folder. */
export function defaultCacheFolder(cwd: string): string {
  const modules = path.join(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'tongwen') : path.join(tmpdir(), 'tongwen-cache');
}
