/**
 * The history of hand-kept mirrors: the one module that asks the workspace
 * for it (the stamp files `tongwen mirror stamp` writes, and git's history),
 * so that the `mirror-…` rules read no files and spawn nothing.
 *
 * Why a sidecar stamp (`<mirror>/.tongwen-mirror.json`) rather than front
 * matter: stamping writes no byte into the chapters (translators' files stay
 * as they were, and books without front matter, such as tldr pages, stay
 * valid for their renderers); one file per mirror is one line per chapter
 * to review in a pull request; and it holds the source's section hashes,
 * which a section-level diff needs and front matter would clutter.
 */
import path from 'node:path';
import { parseChapter, type Book, type Chapter } from '@tongwen/book';
import { sectionsOf, type MirrorBasis, type MirrorHistory, type MirrorPairing } from '@tongwen/rules';
import { commitsTouching, hashText, readStoreFile, textsAtCommits, writeFileAtomic, type GitCommit } from '@tongwen/workspace';

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
  const text = readStoreFile(path.join(root, folder(mirror), stampName));
  if (text === undefined) return undefined;
  try {
    const stamp = JSON.parse(text) as Stamp;
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

function gitHistory(book: Book, pairs: ReadonlyArray<{ source: string; mirror: string }>): Map<string, MirrorBasis> {
  const history = new Map<string, MirrorBasis>();
  const folders = [...new Set(pairs.flatMap((pair) => [pair.source, pair.mirror].map((file) => file.slice(0, file.indexOf('/')) || file)))];
  const commits = commitsTouching(book.root, folders);
  if (commits.length === 0) return history;
  const wanted: Array<{ pair: { source: string; mirror: string }; commit: GitCommit; since: GitCommit[] }> = [];
  for (const pair of pairs) {
    const index = commits.findIndex((commit) => commit.files.has(pair.mirror));
    if (index < 0) continue;
    wanted.push({ pair, commit: commits[index]!, since: commits.slice(0, index).filter((commit) => commit.files.has(pair.source)) });
  }
  const texts = textsAtCommits(book.root, wanted.map(({ pair, commit }) => ({ commit: commit.hash, file: pair.source })));
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
  return { source: source.path, hash: hashText(source.source), sections: sectionsOf(source).map((section) => section.hash) };
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
