/**
 * What git says changed: the staged changes (index against HEAD) or the
 * changes of the work tree since a commit, with renames, as absolute paths.
 * Read with `git diff --name-status -z -M`; nothing is checked out.
 */
import path from 'node:path';
import { git, gitRepository, gitRoot, GitError, type GitSession } from './git.js';

/** One changed file. `from` is the old path of a rename or copy. Paths are absolute. */
export interface GitChange {
  /** `A` added, `M` modified, `D` deleted, `R` renamed, `C` copied, `T` type changed. */
  status: string;
  file: string;
  from?: string;
}

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
  return parseNameStatus(top, git(top, ['diff', '--cached', '--no-ext-diff', '--name-status', '-z', '-M', '--']));
}

/** The changes of the work tree (tracked files) since the commit `ref`: no merge base is taken, `ref` is compared as it is. Throws {@link GitError} for an unknown `ref`. */
export function changesSince(dir: string, ref: string): GitChange[] {
  const top = gitRoot(dir);
  if (!hasCommit(top, ref)) throw new GitError(`Unknown revision \`${ref}\`, expected a commit (a branch, tag or SHA)`);
  return parseNameStatus(top, git(top, ['diff', '--no-ext-diff', '--name-status', '-z', '-M', ref, '--']));
}

/** Parse `--name-status -z` output: `M\0path\0`, `R100\0old\0new\0`. */
function parseNameStatus(top: string, output: Buffer): GitChange[] {
  const fields = output.toString('utf8').split('\0');
  const changes: GitChange[] = [];
  for (let at = 0; at < fields.length; ) {
    const status = fields[at++]?.charAt(0);
    if (!status) continue;
    if (status === 'R' || status === 'C') {
      const from = fields[at++];
      const file = fields[at++];
      if (from !== undefined && file !== undefined) changes.push({ status, file: path.join(top, file), from: path.join(top, from) });
    } else {
      const file = fields[at++];
      if (file !== undefined) changes.push({ status, file: path.join(top, file) });
    }
  }
  return changes;
}
