/**
 * Git sources: the files of a book as staged (the index) or as committed (a
 * tree), read with git plumbing — `git ls-files -s`, `git ls-tree -r`,
 * `git cat-file --batch` — never by checking anything out.
 */
import type { ExecFileSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mayHoldIntentToAdd, parseIndex } from './git-index.js';
import { readStoreBytes } from './store.js';
import { readRepository } from './git-repository.js';
import { gitTop, keepListed, markdownExtensions, type ListOptions } from './list.js';
import type { FileSource, ReadResult } from './source.js';
import { isEmptyBlob, isRegularMode, parseRawDiff, undoStaged, type GitBlob, type RawChange } from './staged-head.js';

/** A git command that failed (not a repository, an unknown revision…). */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** Which git content a source reads. */
export type GitRevision = { kind: 'index' } | { kind: 'commit'; ref: string };

type Blob = GitBlob;

/**
 * `execFileSync` of `node:child_process`, loaded on the first git call: a run
 * that asks git nothing (a check of the work tree) does not load child
 * processes (about 3-7 ms of a warm check's start).
 */
function execFileSync(file: string, args: readonly string[], options: ExecFileSyncOptions): Buffer {
  const { execFileSync: run } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return run(file, args, options) as Buffer;
}

/** Run git in `top`; a failure is a {@link GitError} with git's message. With a session, the command is counted in it. */
export function git(top: string, args: readonly string[], input?: Buffer, session?: GitSession): Buffer {
  session?.commands.push(args[0]!);
  try {
    return execFileSync('git', ['-C', top, ...args], { maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], ...(input ? { input } : {}) });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new GitError(`git ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * What the git calls of one command share, so that each thing is asked of
 * git once: the repository of each folder (its top, whether HEAD is a
 * commit) and the blobs read, by id (a gate reads the index and HEAD, which
 * hold mostly the same blobs). Made per command, never kept between runs.
 */
export interface GitSession {
  /** Repository → what git said of it, by the nearest folder with `.git` above the folder asked about (what git finds too). */
  readonly repositories: Map<string, GitRepository>;
  /** Blob id → its bytes. */
  readonly blobs: Map<string, Uint8Array>;
  /** The index's blobs under a prefix, by `top\0prefix`: `git ls-files -s` runs once per book root and command. */
  readonly indexes: Map<string, Map<string, Blob>>;
  /**
   * The staged changes of a repository (by its top), as `git diff --cached
   * --raw` gave them when a gate asked for them: HEAD's listing is then the
   * index's with each change undone, not a `git ls-tree` of its own.
   */
  readonly staged: Map<string, RawChange[]>;
  /** The git subcommands run for the session, in order (tests and measurements count processes with it). */
  readonly commands: string[];
}

/** A git work tree: its top folder, whether HEAD names a commit (not an unborn branch), and its index file (`GIT_INDEX_FILE` taken into account). */
export interface GitRepository {
  top: string;
  hasHead: boolean;
  index?: string;
}

/** A new, empty {@link GitSession}. */
export function createGitSession(): GitSession {
  return { repositories: new Map(), blobs: new Map(), indexes: new Map(), staged: new Map(), commands: [] };
}

/**
 * The repository holding `dir`, asked once per session: read from its
 * `.git` where that is plain (see {@link readRepository}), else in one git
 * process (`rev-parse --show-toplevel --git-path index --verify
 * HEAD^{commit}`).
 */
export function gitRepository(dir: string, session?: GitSession): GitRepository {
  const key = gitTop(dir) ?? path.resolve(dir);
  const known = session?.repositories.get(key);
  if (known) return known;
  const read = readRepository(dir);
  if (read) {
    session?.repositories.set(key, read);
    return read;
  }
  let output: Buffer;
  let hasHead = true;
  session?.commands.push('rev-parse');
  try {
    output = execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel', '--git-path', 'index', '--verify', '--quiet', 'HEAD^{commit}'], { maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // An unborn branch: the top is printed, then the verification fails quietly.
    output = Buffer.from((error as { stdout?: Buffer }).stdout ?? '');
    hasHead = false;
    // Not a repository (or no git): git's own message.
    if (!output.toString('utf8').trim()) return { top: gitRoot(dir), hasHead };
  }
  const [top = '', index = ''] = output.toString('utf8').split('\n');
  // The index's path is printed relative to `dir`.
  const repository = { top: top.trim(), hasHead, ...(index.trim() ? { index: path.resolve(dir, index.trim()) } : {}) };
  session?.repositories.set(key, repository);
  return repository;
}

/** The top of the work tree holding `dir`, from git itself. */
export function gitRoot(dir: string, session?: GitSession): string {
  return session ? gitRepository(dir, session).top : git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

/** The blobs under `prefix` (from the top, `/`-separated, '' for all): path from the prefix → blob. Symbolic links and submodules are left out. */
function listBlobs(top: string, prefix: string, revision: GitRevision, session?: GitSession): Map<string, Blob> {
  if (revision.kind === 'index') return indexBlobs(top, prefix, session);
  // HEAD of a command that knows what is staged: the index's listing with the staged changes undone (no `ls-tree`).
  const staged = revision.ref === 'HEAD' ? session?.staged.get(top) : undefined;
  const derived = staged && session ? undoStaged(indexBlobs(top, prefix, session), staged, prefix) : undefined;
  if (derived) return derived;
  const scope = prefix ? ['--', prefix] : [];
  return parseListing(git(top, ['ls-tree', '-r', '-z', '--full-tree', revision.ref, ...scope], undefined, session), prefix, revision);
}

/**
 * The index's blobs under `prefix` (read from the index file, see
 * `git-index.ts`, else `git ls-files -s`), listed once per session, without
 * the files added with `git add -N`: a commit leaves them out (they are in
 * the index as the empty blob, marked as only intended).
 */
function indexBlobs(top: string, prefix: string, session?: GitSession): Map<string, Blob> {
  const key = `${top}\0${prefix}`;
  const known = session?.indexes.get(key);
  if (known) return known;
  // The index file itself where it is of the plain kind (it marks intent-to-add entries), else `git ls-files`.
  const index = gitRepository(top, session).index;
  const bytes = index ? readStoreBytes(index) : undefined;
  const read = bytes && parseIndex(bytes, prefix);
  if (read) {
    session?.indexes.set(key, read);
    return read;
  }
  const scope = prefix ? ['--', prefix] : [];
  const blobs = parseListing(git(top, ['ls-files', '-s', '-z', ...scope], undefined, session), prefix, { kind: 'index' });
  // The header read above says whether the index may hold them.
  if (mayHoldIntentToAdd(bytes)) {
    for (const file of intendedFiles(top, prefix, session)) blobs.delete(file);
  }
  session?.indexes.set(key, blobs);
  return blobs;
}

/**
 * The files under `prefix` (paths from it) added with `git add -N`: new in
 * `git diff --cached --ita-visible-in-index`, as the empty blob, and absent
 * from `git diff --cached`, which leaves them out (the session's, when a
 * gate asked for it: its paths, renamed or not, are the same). Asked only of
 * an index that may hold them (see `mayHoldIntentToAdd`).
 */
function intendedFiles(top: string, prefix: string, session?: GitSession): string[] {
  const scope = prefix ? ['--', prefix] : ['--'];
  const diff = (...args: string[]): RawChange[] => parseRawDiff(git(top, ['diff', '--cached', '--no-ext-diff', '--no-color', '--raw', '-z', '--no-abbrev', '--no-renames', ...args, ...scope], undefined, session).toString('utf8'));
  const known = session?.staged.get(top);
  const staged = new Set((known ?? diff()).flatMap((change) => (change.from === undefined ? [change.path] : [change.path, change.from])));
  const local = (file: string): string => (prefix ? file.slice(prefix.length + 1) : file);
  return diff('--ita-visible-in-index', '--diff-filter=A')
    .filter((change) => isEmptyBlob(change.newSha) && !staged.has(change.path))
    .map((change) => local(change.path));
}

/** Parse `ls-files -s -z` (index) or `ls-tree -r -z` (commit) output: the regular files under `prefix`, by path from it. */
function parseListing(output: Buffer, prefix: string, revision: GitRevision): Map<string, Blob> {
  const blobs = new Map<string, Blob>();
  for (const record of output.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const fields = record.slice(0, tab).trim().split(/\s+/);
    const file = record.slice(tab + 1);
    const relative = prefix ? file.slice(prefix.length + 1) : file;
    if (prefix && !file.startsWith(`${prefix}/`)) continue;
    // index: mode sha stage; tree: mode type sha (no `-l`: sizes would make git open every blob of the tree; a blob's size is its bytes' length once read)
    if (!isRegularMode(fields[0])) continue;
    if (revision.kind === 'index') {
      if (fields[2] !== '0') continue; // an unmerged path: its stages are not a file yet
      blobs.set(relative, { sha: fields[1]! });
    } else {
      blobs.set(relative, { sha: fields[2]! });
    }
  }
  return blobs;
}

/**
 * The contents of objects named by `requests` (a sha, or `commit:./path`), in
 * one `git cat-file --batch` run in `dir`, in the order asked: `undefined`
 * for a missing object or one that is not a blob.
 */
export function catFile(dir: string, requests: readonly string[], session?: GitSession): Array<Uint8Array | undefined> {
  if (requests.length === 0) return [];
  const output = git(dir, ['cat-file', '--batch', '--buffer'], Buffer.from(`${requests.join('\n')}\n`), session);
  const result: Array<Uint8Array | undefined> = [];
  let at = 0;
  for (let i = 0; i < requests.length; i++) {
    const newline = output.indexOf(0x0a, at);
    if (newline < 0) break;
    const header = /^[0-9a-f]+ (\w+) (\d+)$/.exec(output.subarray(at, newline).toString('utf8'));
    at = newline + 1;
    if (!header) {
      result.push(undefined);
      continue;
    }
    const length = Number(header[2]);
    result.push(header[1] === 'blob' ? new Uint8Array(output.subarray(at, at + length)) : undefined);
    at += length + 1;
  }
  while (result.length < requests.length) result.push(undefined);
  return result;
}

/** Git's id of a blob of these bytes (`git hash-object`): SHA-1, or SHA-256 in a repository of 64-digit ids. */
function blobId(bytes: Uint8Array, digits = 40): string {
  return createHash(digits === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The bytes of a work-tree file when they are exactly the blob `sha` (no line-ending or filter conversion between them), else `undefined`. */
function sameOnDisk(file: string, sha: string): Uint8Array | undefined {
  try {
    const bytes = readFileSync(file);
    return blobId(bytes, sha.length) === sha ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  } catch {
    return undefined;
  }
}

/** Read blobs by sha with one `git cat-file --batch`. */
function readBlobs(top: string, shas: readonly string[], session?: GitSession): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  catFile(top, shas, session).forEach((bytes, i) => {
    if (bytes) result.set(shas[i]!, bytes);
  });
  return result;
}

/**
 * The files of the book at `root` as git has them: staged (`{ kind: 'index' }`,
 * what `--staged` checks) or in a commit (`{ kind: 'commit', ref }`, what
 * `--changed-since REF` compares with). The same listing policy as the work
 * tree (config `ignore`, build output, tongwen's own files), and the same
 * {@link FileSource} interface, so that nothing after the choice of source
 * differs. Throws {@link GitError} when `root` is not in a git work tree or
 * the revision is unknown.
 */
export function gitSource(root: string, revision: GitRevision, options: ListOptions = {}, session?: GitSession): FileSource {
  const absolute = path.resolve(root);
  const top = gitRoot(absolute, session);
  const prefix = path.relative(top, absolute).split(path.sep).join('/');
  const blobs = listBlobs(top, prefix, revision, session);
  const files = keepListed([...blobs.keys()], options);
  // Without a session the bytes are dropped once read; with one they stay for its next source.
  const cache = new Map<string, Uint8Array>();
  const failures: string[] = [];
  let reads = 0;
  const prefetch = (wanted: string): void => {
    // One batch for every Markdown file not read yet (and the wanted one): a book is read whole. Blobs the session
    // holds, and files whose work-tree bytes are the blob (git's own id says so), are not asked of git.
    const batch = files.filter((file) => !cache.has(file) && (file === wanted || markdownExtensions.test(file)));
    const held = session?.blobs ?? new Map<string, Uint8Array>();
    for (const file of batch) {
      const sha = blobs.get(file)!.sha;
      if (!held.has(sha)) {
        const bytes = sameOnDisk(path.join(absolute, file), sha);
        if (bytes) held.set(sha, bytes);
      }
    }
    const missing = new Set(batch.map((file) => blobs.get(file)!.sha).filter((sha) => !held.has(sha)));
    // A batch that runs anyway also takes HEAD's blobs of the staged Markdown changes: a few more blobs in a process that runs
    // anyway, where a gate that then reads HEAD would start a second one.
    const more = missing.size > 0 && session ? [...new Set(headBlobsOfStaged(session, top, prefix))].filter((sha) => !held.has(sha) && !missing.has(sha)) : [];
    const read = readBlobs(top, [...missing, ...more], session);
    for (const file of batch) {
      const sha = blobs.get(file)!.sha;
      const content = held.get(sha) ?? read.get(sha);
      if (content) cache.set(file, content);
      if (content && session) session.blobs.set(sha, content);
    }
    for (const sha of more) {
      const content = read.get(sha);
      if (content) session!.blobs.set(sha, content);
    }
  };
  return {
    root: absolute,
    list: () => [...files],
    // Unknown before reading (`readText` then checks the bytes' length): every Markdown blob is read in one batch anyway.
    size: () => undefined,
    read(file): ReadResult {
      reads++;
      if (!blobs.has(file)) {
        failures.push(file);
        return { error: 'ENOENT' };
      }
      if (!cache.has(file)) prefetch(file);
      const bytes = cache.get(file);
      cache.delete(file);
      if (!bytes) {
        failures.push(file);
        return { error: 'missing blob' };
      }
      return { bytes };
    },
    get reads() {
      return reads;
    },
    failures,
    blobIds: () => new Map(files.map((file) => [file, blobs.get(file)!.sha])),
  };
}

/** HEAD's blobs of the staged changes to Markdown files under `prefix` that the session knows of (none before a gate asked what is staged). */
function headBlobsOfStaged(session: GitSession, top: string, prefix: string): string[] {
  const under = (file: string | undefined): boolean => file !== undefined && (!prefix || file.startsWith(`${prefix}/`)) && markdownExtensions.test(file);
  const changes = session.staged.get(top) ?? [];
  return changes.filter((change) => change.status !== 'A' && change.status !== 'C' && isRegularMode(change.oldMode) && under(change.from ?? change.path)).map((change) => change.oldSha);
}
