/**
 * The history of hand-kept mirrors: the one module that reads it from disk
 * (the stamp files `tongwen mirror stamp` writes, and git), so that the
 * `mirror-…` rules read no files and spawn nothing. Narrow on purpose, to
 * move into the workspace package as it is.
 *
 * Why a sidecar stamp (`<mirror>/.tongwen-mirror.json`) rather than front
 * matter: stamping writes no byte into the chapters (translators' files stay
 * as they were, and books without front matter, such as tldr pages, stay
 * valid for their renderers); one file per mirror is one line per chapter
 * to review in a pull request; and it holds the source's section hashes,
 * which a section-level diff needs and front matter would clutter.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseChapter, type Book, type Chapter } from '@tongwen/book';
import { sectionsOf, type MirrorBasis, type MirrorHistory, type MirrorPairing } from '@tongwen/rules';
import { writeFileAtomic } from '@tongwen/workspace';

/** File name of a mirror's stamp, in the mirror folder. */
export const stampName = '.tongwen-mirror.json';

/** One mirror file's record in a stamp. */
export interface StampEntry {
  /** Source path from the book root. */
  source: string;
  /** SHA-256 of the source text. */
  hash: string;
  /** Section hashes of the source (see `sectionsOf`). */
  sections: string[];
}

/** A stamp file: mirror path (from the mirror folder) → record. */
export interface Stamp {
  tool: 'tongwen mirror stamp';
  version: 1;
  files: Record<string, StampEntry>;
}

const folder = (value: string): string => value.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');

function readStamp(root: string, mirror: string): Stamp | undefined {
  const file = path.join(root, folder(mirror), stampName);
  if (!existsSync(file)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Stamp;
    return stamp && stamp.version === 1 && typeof stamp.files === 'object' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What each mirror file of the pairings was made from: its stamp entry when
 * there is one, else (in a git repository) the source as it was at the
 * mirror file's last commit, with the source's commits since.
 */
export function readMirrorHistory(book: Book, pairings: readonly MirrorPairing[]): MirrorHistory {
  const history = new Map<string, MirrorBasis>();
  const unstamped: Array<{ source: string; mirror: string }> = [];
  for (const pairing of pairings) {
    const stamp = readStamp(book.root, pairing.setting.mirror);
    const prefix = `${folder(pairing.setting.mirror)}/`;
    const entryOf = (mirror: string): StampEntry | undefined => stamp?.files[mirror.slice(prefix.length)];
    for (const pair of pairing.pairs) {
      const entry = entryOf(pair.mirror);
      if (entry) history.set(pair.mirror, { kind: 'stamp', source: entry.source, sections: entry.sections });
      else unstamped.push(pair);
    }
    for (const mirror of pairing.extra) {
      const entry = entryOf(mirror);
      if (entry) history.set(mirror, { kind: 'stamp', source: entry.source, sections: entry.sections });
    }
  }
  if (unstamped.length > 0) for (const [mirror, basis] of gitHistory(book, unstamped)) history.set(mirror, basis);
  return history;
}

interface Commit {
  hash: string;
  subject: string;
  files: Set<string>;
}

function git(root: string, args: string[], input?: string): Buffer | undefined {
  const result = spawnSync('git', ['-C', root, '-c', 'core.quotePath=false', ...args], { maxBuffer: 256 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });
  return result.status === 0 && result.stdout ? result.stdout : undefined;
}

/** Commits touching the folders, newest first, with their files relative to the book root. */
function commitsOf(root: string, folders: readonly string[]): Commit[] {
  const out = git(root, ['log', '--relative', '--format=%x01%h %s', '--name-only', '--', ...folders]);
  if (!out) return [];
  return out
    .toString('utf8')
    .split('\x01')
    .slice(1)
    .map((chunk) => {
      const [head = '', ...files] = chunk.split('\n');
      const space = head.indexOf(' ');
      return { hash: head.slice(0, space), subject: head.slice(space + 1), files: new Set(files.filter(Boolean)) };
    });
}

/** Blobs of `commit:./path` requests, in one `git cat-file --batch` (undefined: missing). */
function blobs(root: string, requests: readonly string[]): Array<string | undefined> {
  const out = git(root, ['cat-file', '--batch'], `${requests.join('\n')}\n`);
  const result: Array<string | undefined> = [];
  if (!out) return requests.map(() => undefined);
  let at = 0;
  for (let i = 0; i < requests.length; i++) {
    const newline = out.indexOf(10, at);
    if (newline < 0) break;
    const header = out.subarray(at, newline).toString('utf8');
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!match) {
      result.push(undefined);
      at = newline + 1;
      continue;
    }
    const size = Number(match[1]);
    result.push(out.subarray(newline + 1, newline + 1 + size).toString('utf8'));
    at = newline + 1 + size + 1;
  }
  return result;
}

function gitHistory(book: Book, pairs: ReadonlyArray<{ source: string; mirror: string }>): Map<string, MirrorBasis> {
  const history = new Map<string, MirrorBasis>();
  const folders = [...new Set(pairs.flatMap((pair) => [pair.source, pair.mirror].map((file) => file.slice(0, file.indexOf('/')) || file)))];
  const commits = commitsOf(book.root, folders);
  if (commits.length === 0) return history;
  const wanted: Array<{ pair: { source: string; mirror: string }; commit: Commit; since: Commit[] }> = [];
  for (const pair of pairs) {
    const index = commits.findIndex((commit) => commit.files.has(pair.mirror));
    if (index < 0) continue;
    wanted.push({ pair, commit: commits[index]!, since: commits.slice(0, index).filter((commit) => commit.files.has(pair.source)) });
  }
  const texts = blobs(book.root, wanted.map(({ pair, commit }) => `${commit.hash}:./${pair.source}`));
  wanted.forEach(({ pair, commit, since }, i) => {
    const text = texts[i];
    if (text === undefined) return;
    const old = parseChapter(pair.source, text, { slug: book.slug });
    history.set(pair.mirror, { kind: 'git', source: pair.source, sections: sectionsOf(old).map((section) => section.hash), commit: commit.hash, commits: since.map((c) => `${c.hash} ${c.subject}`) });
  });
  return history;
}

/** The stamp entry of a source chapter as it is now. */
export function stampEntry(source: Chapter): StampEntry {
  return { source: source.path, hash: createHash('sha256').update(source.source).digest('hex'), sections: sectionsOf(source).map((section) => section.hash) };
}

/**
 * Record, for each mirror file of the pairings (or only those in `only`,
 * mirror paths from the book root), the source it is now in step with.
 * Other entries of an existing stamp are kept. Returns the stamp files
 * written, from the book root.
 */
export function stampMirrors(book: Book, pairings: readonly MirrorPairing[], only?: ReadonlySet<string>): string[] {
  const written: string[] = [];
  for (const pairing of pairings) {
    const prefix = `${folder(pairing.setting.mirror)}/`;
    const stamp: Stamp = { tool: 'tongwen mirror stamp', version: 1, files: { ...(readStamp(book.root, pairing.setting.mirror)?.files ?? {}) } };
    let changed = false;
    for (const pair of pairing.pairs) {
      const source = book.chapters.get(pair.source);
      if (!source || (only && !only.has(pair.mirror))) continue;
      stamp.files[pair.mirror.slice(prefix.length)] = stampEntry(source);
      changed = true;
    }
    if (!changed) continue;
    const sorted: Stamp = { ...stamp, files: Object.fromEntries(Object.entries(stamp.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
    writeFileAtomic(book.root, `${prefix}${stampName}`, `${JSON.stringify(sorted, null, 1)}\n`);
    written.push(`${prefix}${stampName}`);
  }
  return written;
}
