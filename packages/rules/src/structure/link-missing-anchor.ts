/**
 * # link-missing-anchor
 *
 * A link's fragment (`#安装`, `other.md#安装`) names no anchor of the target
 * chapter. Anchors are the chapter's headings under the book's slug flavour
 * (`slug` setting: `github` by default, or `gitbook`, `vitepress`,
 * `mdbook`, `hexo`; the dialect's by default), the text inside inline HTML
 * of a heading counting as the sites count it, custom ids in every syntax
 * (`## 安装 {#install}`, `{#install .class}`, `{/*install*\/}`) in place of the heading's generated anchor, HTML
 * `id`/`name` attributes and component ids (`<TeamMember id|permalink>`).
 * A page without headings whose body is a component (`<ExampleRepl />`)
 * makes its anchors when it runs: links into it are not checked. Percent-encoded fragments (`#%E5%AE%89%E8%A3%85`) are decoded
 * first. Absolute GitHub URLs into the book's own repository are checked
 * with GitHub's anchors, whatever the book's flavour. Fragments of files
 * that are not Markdown (`main.rs#L10`) are not checked.
 *
 * ```markdown
 * ## 安装 Docker
 *
 * 见[安装](#安装-docker)。          <!-- fine -->
 * 见[安装](#安装docker)。           <!-- reported, did you mean `#安装-docker`? -->
 * 见[镜像](image.md#获取镜像)。      <!-- checked against image.md's headings -->
 * ```
 */
import { createSlugger, type Chapter, type SlugFlavour } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { anchorsOf, bookIndex, resolveInBook, urlRange } from '../lib/links.js';
import { nearest } from '../lib/nearest.js';
import type { RunCache } from '../lib/types.js';

export default defineBookRule<{ ignore: string[]; ignoreCase: boolean }>({
  meta: {
    id: 'link-missing-anchor',
    family: 'structure',
    scope: 'book',
    description: 'Link fragments must name an anchor of the target chapter',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {
      ignore: { type: 'string[]', default: ['top'], description: 'Fragments that are always fine (`#top` scrolls to the top on GitHub and in browsers)' },
      ignoreCase: { type: 'boolean', default: false, description: 'Accept a fragment that differs from an anchor only in letter case' },
    },
  },
  check({ book, options, settings, cache, report }) {
    const index = bookIndex(book, cache);
    const ignored = new Set(options.ignore);
    for (const chapter of book.chapters.values()) {
      for (const link of chapter.links) {
        if (link.kind === 'image' || link.kind === 'html-image') continue;
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings);
        if (!resolved || resolved.target.outside) continue;
        const fragment = resolved.target.fragment;
        if (fragment === undefined || fragment === '' || ignored.has(fragment)) continue;
        const file = resolved.found.file;
        const target = file === undefined ? undefined : book.chapters.get(file);
        if (!target || madeByComponents(target)) continue;
        const flavour: SlugFlavour = resolved.via === 'repository' ? 'github' : book.slug;
        const anchors = flavour === book.slug ? anchorsOf(target, cache) : anchorsUnder(target, flavour, cache);
        if (anchors.has(fragment)) continue;
        const lower = fragment.toLowerCase();
        const sameButCase = [...anchors].find((anchor) => anchor.toLowerCase() === lower);
        if (sameButCase !== undefined && options.ignoreCase) continue;
        const where = target === chapter ? 'this file' : `\`${target.path}\``;
        const range = urlRange(chapter, link);
        const place = range ?? { start: 0 };
        if (sameButCase !== undefined) {
          report({ file: chapter.path, ...place, message: `Unexpected fragment \`#${fragment}\` in ${where}, expected \`#${sameButCase}\` (anchors are case-sensitive)` });
          continue;
        }
        const suggestion = nearest(fragment, anchors, { prefix: true });
        report({
          file: chapter.path,
          ...place,
          message: `Unexpected link to missing anchor \`#${fragment}\` in ${where}${suggestion ? `, did you mean \`#${suggestion}\`?` : ''}`,
        });
      }
    }
  },
});

/** A chapter's anchors under another slug flavour than the book's. */
function anchorsUnder(chapter: Chapter, flavour: SlugFlavour, cache: RunCache): ReadonlySet<string> {
  const byChapter = cache.memo(`structure:anchors:${flavour}`, () => new WeakMap<Chapter, Set<string>>());
  let anchors = byChapter.get(chapter);
  if (!anchors) {
    const slugger = createSlugger(flavour);
    anchors = new Set<string>();
    for (const heading of chapter.headings) {
      anchors.add(slugger.slug(heading.text));
      if (heading.id) anchors.add(heading.id);
    }
    for (const anchor of chapter.anchors) anchors.add(anchor.id);
    byChapter.set(chapter, anchors);
  }
  return anchors;
}

/** A page without headings whose body is a component (`<ExampleRepl />`, `<ApiIndex />`): its anchors are made when it runs, unknown here. */
function madeByComponents(chapter: Chapter): boolean {
  return chapter.headings.length === 0 && /^[ \t]*<[A-Z][\w.]*[\s/>]/m.test(chapter.source);
}
