/**
 * A repository read from its `.git`, without a git process, where that is
 * plain: the top of the work tree (the nearest folder above with `.git`, a
 * folder or a `gitdir:` file as linked work trees and submodules have), its
 * index file, and whether HEAD names a commit. Anything else — git's
 * discovery or paths changed by the environment (`GIT_DIR`,
 * `GIT_WORK_TREE`…), a `core.worktree` or `core.bare` setting, the reftable
 * ref store, a symbolic ref beyond HEAD, a `.git` that does not read as one —
 * is `undefined`, and git is asked (`git rev-parse`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gitTop } from './list.js';

/** What {@link readRepository} reads. */
export interface ReadRepository {
  top: string;
  /** The index file (`GIT_INDEX_FILE` when set). */
  index: string;
  hasHead: boolean;
}

/** Environment variables that change where git finds the repository, its work tree or its objects. */
const discovery = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE'];

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The repository holding `dir` as its `.git` says, or `undefined` when git must be asked. */
export function readRepository(dir: string, env: NodeJS.ProcessEnv = process.env): ReadRepository | undefined {
  if (discovery.some((name) => env[name] !== undefined)) return undefined;
  const top = gitTop(dir);
  if (!top) return undefined;
  const gitDir = gitDirOf(path.join(top, '.git'));
  if (!gitDir) return undefined;
  const commonText = readText(path.join(gitDir, 'commondir'));
  const common = commonText === undefined ? gitDir : path.resolve(gitDir, commonText.trim());
  const config = `${readText(path.join(common, 'config')) ?? ''}\n${readText(path.join(gitDir, 'config.worktree')) ?? ''}`;
  if (/^\s*(worktree|bare\s*=\s*true|refstorage)\b/im.test(config)) return undefined;
  const hasHead = headIsCommit(gitDir, common);
  if (hasHead === undefined) return undefined;
  // git reads a relative GIT_INDEX_FILE from the top of the work tree (it moves there first).
  const index = env.GIT_INDEX_FILE ? path.resolve(top, env.GIT_INDEX_FILE) : path.join(gitDir, 'index');
  return { top, index, hasHead };
}

/** The git folder of a `.git` entry: itself, or where its `gitdir:` line points. */
function gitDirOf(dotGit: string): string | undefined {
  const text = readText(dotGit);
  if (text === undefined) return readText(path.join(dotGit, 'HEAD')) === undefined ? undefined : dotGit;
  const match = /^gitdir: (.+)$/m.exec(text);
  return match ? path.resolve(path.dirname(dotGit), match[1]!.trim()) : undefined;
}

/** Whether HEAD names a commit: a detached id, or a branch that exists (loose or packed); `undefined` for anything else. */
function headIsCommit(gitDir: string, common: string): boolean | undefined {
  const head = readText(path.join(gitDir, 'HEAD'))?.trim();
  if (head === undefined) return undefined;
  if (/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(head)) return true;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const loose = readText(path.join(common, ref))?.trim();
  if (loose !== undefined) return /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(loose) ? true : undefined;
  const packed = readText(path.join(common, 'packed-refs')) ?? '';
  return packed.split('\n').some((line) => line.endsWith(` ${ref}`) && /^[0-9a-f]{40,64} /.test(line));
}
