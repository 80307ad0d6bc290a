/**
 * HEAD's listing from the index's and the staged changes: what `git ls-tree
 * -r HEAD` would list, without a git process, for a command that has both
 * already (`--staged` lists the index and asks git what is staged).
 */

/** A blob of a listing: its id. */
export interface GitBlob {
  sha: string;
}

/** One staged change as `git diff --cached --raw -z --no-abbrev` gives it. Paths are `/`-separated, from the top of the work tree. */
export interface RawChange {
  /** `A`, `M`, `D`, `R`, `C`, `T`, `U` (unmerged)… the first letter of git's status. */
  status: string;
  oldMode: string;
  oldSha: string;
  newSha: string;
  path: string;
  /** The old path of a rename or copy. */
  from?: string;
}

/** Modes of the blobs a listing keeps: regular files (symbolic links and submodules are left out). */
export const isRegularMode = (mode: string | undefined): boolean => mode === '100644' || mode === '100755';

/** Git's ids of the empty blob (SHA-1, SHA-256): what `git add -N` puts in the index. */
const emptyBlobs = new Set(['e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813']);

/** Whether a blob id is git's empty blob. */
export const isEmptyBlob = (sha: string): boolean => emptyBlobs.has(sha);

/**
 * HEAD's blobs under `prefix` (`''` for all; keys are paths from it), from
 * the index's blobs under it (files added with `git add -N` left out: they
 * are in neither HEAD nor `git diff --cached`) and the staged changes (index
 * against HEAD): each change undone. `undefined` when the two cannot say it,
 * so that git is asked instead: an unmerged path (its HEAD blob is in no
 * listing here) or a status this does not know.
 */
export function undoStaged(index: ReadonlyMap<string, GitBlob>, changes: readonly RawChange[], prefix: string): Map<string, GitBlob> | undefined {
  const local = (file: string): string | undefined => (!prefix ? file : file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined);
  const head = new Map(index);
  for (const change of changes) {
    const file = local(change.path);
    const from = change.from === undefined ? undefined : local(change.from);
    if (change.status === 'A' || change.status === 'C') {
      // An added file or a copy's new path is not in HEAD (a copy's source is as the index has it, or a change of its own).
      if (file !== undefined) head.delete(file);
    } else if (change.status === 'M' || change.status === 'T' || change.status === 'D') {
      if (file !== undefined) setOrDelete(head, file, change);
    } else if (change.status === 'R') {
      if (file !== undefined) head.delete(file);
      if (from !== undefined) setOrDelete(head, from, change);
    } else {
      return undefined;
    }
  }
  return head;
}

/** HEAD's blob of a changed path: its old blob when that was a regular file, else none. */
function setOrDelete(head: Map<string, GitBlob>, file: string, change: RawChange): void {
  if (isRegularMode(change.oldMode)) head.set(file, { sha: change.oldSha });
  else head.delete(file);
}

/** Parse `git diff --raw -z --no-abbrev` output: `:old new oldsha newsha M\0path\0`, `:… R100\0old\0new\0`. */
export function parseRawDiff(output: string): RawChange[] {
  const fields = output.split('\0');
  const changes: RawChange[] = [];
  for (let at = 0; at < fields.length; ) {
    const header = fields[at++]!;
    if (!header.startsWith(':')) continue;
    const [oldMode = '', , oldSha = '', newSha = '', letters = ''] = header.slice(1).split(' ');
    const status = letters.charAt(0);
    if (status === 'R' || status === 'C') {
      const from = fields[at++];
      const file = fields[at++];
      if (from !== undefined && file !== undefined) changes.push({ status, oldMode, oldSha, newSha, path: file, from });
    } else {
      const file = fields[at++];
      if (file !== undefined) changes.push({ status, oldMode, oldSha, newSha, path: file });
    }
  }
  return changes;
}
