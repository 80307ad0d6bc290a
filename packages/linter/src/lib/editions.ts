/**
 * Editions a book holds without a `mirrors` configuration: folders named for
 * two Chinese scripts side by side (`source/zh-cn` + `source/zh-tw`), found
 * from the folder names alone (see `localeEditions` of `@tongwen/book`).
 * `tongwen init` writes them as the book's `mirrors`; `check` names them on
 * stderr and pairs nothing itself (see docs/mirrors.md, "Editions without a
 * configuration").
 */
import path from 'node:path';
import { localeEditions } from '@tongwen/book';
import type { MirrorSetting } from '@tongwen/rules';
import { foldersUnder, isFile, manifestName, markdownCount } from '@tongwen/workspace';

/** An edition pairing found in a book's folders, with the Markdown files on each side. */
export interface FoundEdition extends MirrorSetting {
  sourceFiles: number;
  mirrorFiles: number;
}

/** How deep under the book root editions are looked for (`i18n/zh-Hans` is 2, Hugo's `site/content/zh` 3). */
const editionDepth = 3;

/** Below this share of the source's files, a mirror is a partial edition (tldr's `pages.zh_TW`: 580 of 1535). */
export const partialShare = 0.8;

/**
 * The editions under `root`: each Simplified folder with a Traditional one
 * beside it, both holding Markdown; `kind` is `generated` when the mirror
 * holds `tongwen convert`'s manifest, else `human`; `partial` when the
 * mirror has fewer than {@link partialShare} of the source's files.
 */
export function findEditions(root: string): FoundEdition[] {
  const found: FoundEdition[] = [];
  for (const pair of localeEditions(foldersUnder(root, editionDepth))) {
    const sourceFiles = markdownCount(path.join(root, pair.source));
    const mirrorFiles = markdownCount(path.join(root, pair.mirror));
    if (sourceFiles === 0 || mirrorFiles === 0) continue;
    const kind = isFile(path.join(root, pair.mirror, manifestName)) ? 'generated' : 'human';
    found.push({ ...pair, kind, ...(kind === 'human' && mirrorFiles < sourceFiles * partialShare ? { partial: true } : {}), sourceFiles, mirrorFiles });
  }
  return found;
}

/** The setting of a found edition, as the configuration writes it. */
export function editionSetting({ source, mirror, kind, partial }: FoundEdition): MirrorSetting {
  return { source, mirror, kind, ...(partial ? { partial } : {}) };
}
