import { chapterFromTree, lineStartsOf, pointAt } from '@tongwen/book';
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { createRunCache } from './cache.js';
import { optionDefaults } from './options.js';
import type { Severity } from '@tongwen/book';
import type { ChapterRule, Locale, Settings } from './types.js';

/** Where a rule's documentation lives, from the repository root. */
export function docsPath(id: string): string {
  return `packages/rules/docs/${id}.md`;
}

/** How remark-lint marks a severity: `fatal` true for errors, false for warnings, undefined for infos. */
function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

/** Whether a plugin setting names its level (`['error', options]`, `'off'`, `2`…): remark-lint's own levels then win. */
function hasLevel(config: unknown): boolean {
  return Array.isArray(config) && [false, true, 0, 1, 2, 'off', 'on', 'warn', 'error'].includes(config[0] as never);
}

/**
 * A chapter rule as a plain `unified-lint-rule` plugin, usable as
 * `remark().use(remarkLint).use(toLintPlugin(rule), options)` in any project.
 * Options are the rule's options plus `locale` (default `zh-Hans`). Without a
 * level in the setting, each message has the severity the rule gave it (its
 * meta's by default): `fatal` for errors, not for warnings, unset for infos.
 */
export function toLintPlugin(rule: ChapterRule<any>) {
  const severities = new WeakMap<object, Severity>();
  const base = lintRule<Root, Record<string, unknown> | undefined>(
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
          severities.set(message, report.severity ?? rule.meta.severity);
        },
      });
    },
  );
  type Transformer = (tree: Root, file: VFile, next: (error?: Error | null) => void) => void;
  function plugin(config?: unknown): Transformer | undefined {
    const explicit = hasLevel(config);
    const transformer = (base as unknown as (config: unknown) => Transformer | undefined)(explicit ? config : [rule.meta.severity === 'error' ? 'error' : 'warn', config]);
    if (!transformer || explicit) return transformer;
    return (tree, file, next) => {
      const first = file.messages.length;
      transformer(tree, file, (error) => {
        for (const message of file.messages.slice(first)) message.fatal = fatalOf(severities.get(message) ?? rule.meta.severity);
        next(error);
      });
    };
  }
  Object.defineProperty(plugin, 'name', { value: `tongwen:${rule.meta.id}` });
  return plugin as unknown as typeof base;
}
