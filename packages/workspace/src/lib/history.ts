/**
 * The history of files in git, for the rules that compare a file with what
 * it was made from (hand-kept mirrors): commits and old contents, read with
 * `git log` and `git cat-file --batch`. Outside a git work tree there is no
 * history (empty results), never an error.
 */
import { catFile, git, GitError } from './git.js';

/** A commit that touched some files. */
export interface GitCommit {
  /** Abbreviated hash. */
  hash: string;
  subject: string;
  /** The files it touched, `/`-separated, relative to the folder asked about. */
  files: Set<string>;
}

/** The commits touching `folders` (relative to `dir`), newest first; `[]` outside git. */
export function commitsTouching(dir: string, folders: readonly string[]): GitCommit[] {
  let output: Buffer;
  try {
    output = git(dir, ['-c', 'core.quotePath=false', 'log', '--relative', '--format=%x01%h %s', '--name-only', '--', ...folders]);
  } catch (error) {
    if (error instanceof GitError) return [];
    throw error;
  }
  return output
    .toString('utf8')
    .split('\x01')
    .slice(1)
    .map((chunk) => {
      const [head = '', ...files] = chunk.split('\n');
      const space = head.indexOf(' ');
      return { hash: head.slice(0, space), subject: head.slice(space + 1), files: new Set(files.filter(Boolean)) };
    });
}

/** The UTF-8 text of each `{commit, file}` (file relative to `dir`), in one batch; `undefined` where it is missing or outside git. */
export function textsAtCommits(dir: string, requests: ReadonlyArray<{ commit: string; file: string }>): Array<string | undefined> {
  try {
    return catFile(
      dir,
      requests.map(({ commit, file }) => `${commit}:./${file}`),
    ).map((bytes) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined));
  } catch (error) {
    if (error instanceof GitError) return requests.map(() => undefined);
    throw error;
  }
}
