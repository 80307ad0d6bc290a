import { chapterFromTree, lineStartsOf, pointAt } from '@tongwen/book';
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { createRunCache } from './cache.js';
import { optionDefaults } from './options.js';
import type { ChapterRule, Locale, Settings } from './types.js';

/** Where a rule's documentation lives, from the repository root. */
export function docsPath(id: string): string {
  return `packages/rules/docs/${id}.md`;
}

/**
 * A chapter rule as a plain `unified-lint-rule` plugin, usable as
 * `remark().use(remarkLint).use(toLintPlugin(rule), options)` in any project.
 * Options are the rule's options plus `locale` (default `zh-Hans`).
 */
export function toLintPlugin(rule: ChapterRule<any>) {
  return lintRule<Root, Record<string, unknown> | undefined>(
    { origin: `tongwen:${rule.meta.id}`, url: docsPath(rule.meta.id) },
    (tree: Root, file: VFile, options) => {
      const source = String(file);
      const chapter = chapterFromTree(file.path || 'input.md', source, tree);
      const given = options && typeof options === 'object' ? options : {};
      const { locale, ...rest } = given as { locale?: Locale };
      const settings: Settings = { slug: 'github', ignore: [] };
      const lineStarts = lineStartsOf(source);
      rule.check({
        chapter,
        options: { ...optionDefaults(rule.meta), ...rest },
        locale: locale ?? 'zh-Hans',
        settings,
        cache: createRunCache(),
        report(report) {
          const start = report.start ?? (report.node?.position?.start.offset as number | undefined);
          const end = report.start !== undefined ? (report.end ?? report.start) : (report.node?.position?.end.offset as number | undefined);
          const place = start === undefined ? undefined : { start: pointAt(lineStarts, start), end: pointAt(lineStarts, end ?? start) };
          const message = file.message(report.message, place ? { place } : {});
          if (report.severity === 'error') message.fatal = true;
          else if (report.severity === 'info') message.fatal = undefined;
        },
      });
    },
  );
}
