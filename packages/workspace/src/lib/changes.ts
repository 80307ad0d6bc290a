/**
 * What git says changed: the staged changes (index against HEAD) or the
 * changes of the work tree since a commit, with renames, as absolute paths.
 * Read with `git diff --raw -z -M`; nothing is checked out.
 */
import path from 'node:path';
import { git, gitRepository, gitRoot, GitError, type GitSession } from './git.js';
import { parseRawDiff, type RawChange } from './staged-head.js';

/** One changed file. `from` is the old path of a rename or copy. Paths are absolute. */
export interface GitChange {
  /** `A` added, `M` modified, `D` deleted, `R` renamed, `C` copied, `T` type changed. */
  status: string;
  file: string;
  from?: string;
}

/** The options of every diff read here: raw records with whole blob ids, NUL-separated, renames found, no colours or external tools. */
const rawDiff = ['--no-ext-diff', '--no-color', '--raw', '-z', '-M', '--no-abbrev'];

/** Whether `ref` names a commit in the repository holding `dir` (HEAD: known from the session when given). */
export function hasCommit(dir: string, ref: string, session?: GitSession): boolean {
  if (ref === 'HEAD' && session) return gitRepository(dir, session).hasHead;
  try {
    git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** The changes staged in the index of the repository holding `dir` (against HEAD; everything staged before the first commit). */
export function stagedChanges(dir: string, session?: GitSession): GitChange[] {
  const top = gitRoot(dir, session);
  // Without a commit, `git diff --cached` compares with HEAD, or shows everything staged on an unborn branch.
  const changes = parseRawDiff(git(top, ['diff', '--cached', ...rawDiff], undefined, session).toString('utf8'));
  // The session keeps HEAD's side of each change: HEAD's listing and blobs come from it (see `gitSource`).
  session?.staged.set(top, changes);
  return changes.map((change) => absolute(top, change));
}


/** The changes of the work tree (tracked files) since the commit `ref`: no merge base is taken, `ref` is compared as it is. Throws {@link GitError} for an unknown `ref`. */
export function changesSince(dir: string, ref: string): GitChange[] {
  const top = gitRoot(dir);
  if (!hasCommit(top, ref)) throw new GitError(`Unknown revision \`${ref}\`, expected a commit (a branch, tag or SHA)`);
  return parseRawDiff(git(top, ['diff', ...rawDiff, ref, '--']).toString('utf8')).map((change) => absolute(top, change));
}

/** A raw change as a {@link GitChange}: absolute paths. */
function absolute(top: string, change: RawChange): GitChange {
  return { status: change.status, file: path.join(top, change.path), ...(change.from !== undefined ? { from: path.join(top, change.from) } : {}) };
}
