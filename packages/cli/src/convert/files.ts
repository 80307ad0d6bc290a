import { listFiles } from '@tongwen/workspace';

/**
 * The files of the book under `root` to convert or copy, under the listing
 * policy of `@tongwen/workspace` (the one `check` uses): `/`-separated paths
 * from the root, sorted; the folders in `exclude` (absolute: an output folder
 * inside the source) and the names in `skipNames` (the manifest) left out.
 */
export function listBookFiles(root: string, exclude: readonly string[] = [], skipNames: readonly string[] = []): string[] {
  return listFiles(root, { excludeFolders: exclude, skipNames }).sort();
}
