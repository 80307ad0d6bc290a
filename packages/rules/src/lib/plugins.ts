import { toLintPlugin } from './lint-plugin.js';
import { rules } from './registry.js';
import type { ChapterRule } from './types.js';

/**
 * Every chapter rule as a ready remark-lint plugin, by rule id:
 * `remark().use(remarkLint).use(plugins['zh-spacing'])`. Book rules need the
 * whole book and are not here.
 */
export const plugins: Readonly<Record<string, ReturnType<typeof toLintPlugin>>> = Object.freeze(
  Object.fromEntries(rules.filter((rule): rule is ChapterRule<any> => rule.meta.scope === 'chapter').map((rule) => [rule.meta.id, toLintPlugin(rule)])),
);
