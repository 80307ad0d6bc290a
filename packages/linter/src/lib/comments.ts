import { walk, type Chapter } from '@tongwen/book';
import type { Html, Nodes } from 'mdast';

/** Which rules are off on which lines of a file, from `<!-- tongwen-… -->` comments. */
export interface Suppressions {
  /** Whether `ruleId` is disabled on 1-based `line`. */
  isDisabled(ruleId: string, line: number): boolean;
}

const directive = /<!--\s*tongwen-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;

interface Switch {
  line: number;
  kind: 'disable' | 'enable';
  /** Rule ids; empty = every rule. */
  ids: string[];
}

/**
 * Read the control comments of a chapter:
 * `<!-- tongwen-disable [ids] -->` … `<!-- tongwen-enable [ids] -->`,
 * `<!-- tongwen-disable-next-line [ids] -->` and `<!-- tongwen-disable-line [ids] -->`.
 * Ids are separated by spaces or commas; none means every rule.
 */
export function readSuppressions(chapter: Chapter): Suppressions {
  // Most chapters have no directive: answer without walking (or parsing) the tree.
  if (!chapter.source.includes('tongwen-')) return { isDisabled: () => false };
  const switches: Switch[] = [];
  const lines = new Map<number, string[]>();
  const visit = (tree: Nodes): void =>
    walk(tree, (node) => {
      if (node.type === 'html') collect(node);
    });
  const collect = (node: Html): void => {
    const start = node.position?.start;
    if (!start) return;
    for (const match of node.value.matchAll(directive)) {
      const before = node.value.slice(0, match.index);
      const line = start.line + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
      const ids = match[2]!.split(/[\s,]+/).filter(Boolean);
      const kind = match[1]!;
      if (kind === 'disable-next-line' || kind === 'disable-line') {
        const target = kind === 'disable-line' ? line : nextContentLine(chapter, line);
        lines.set(target, [...(lines.get(target) ?? []), ...(ids.length ? ids : ['*'])]);
      } else {
        switches.push({ line, kind: kind as 'disable' | 'enable', ids });
      }
    }
  };
  visit(chapter.tree);
  if (switches.length === 0 && lines.size === 0) return { isDisabled: () => false };
  return {
    isDisabled(ruleId, line) {
      const onLine = lines.get(line);
      if (onLine && (onLine.includes('*') || onLine.includes(ruleId))) return true;
      let disabled = false;
      for (const change of switches) {
        if (change.line > line) break;
        if (change.ids.length === 0 || change.ids.includes(ruleId)) disabled = change.kind === 'disable';
      }
      return disabled;
    },
  };
}

/** The line after `line` (a comment on its own line applies to the next line). */
function nextContentLine(chapter: Chapter, line: number): number {
  let next = line + 1;
  while (next <= chapter.lineStarts.length) {
    const start = chapter.lineStarts[next - 1]!;
    const end = chapter.lineStarts[next] ?? chapter.source.length;
    if (chapter.source.slice(start, end).trim() !== '') return next;
    next++;
  }
  return line + 1;
}
