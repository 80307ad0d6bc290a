/**
 * Heading scopes: headings that live in a container with levels of its own,
 * not in the chapter's outline. A component (`<DeepDive>`, `<Challenges>`,
 * `<details>`), a `:::` container (VitePress, Docusaurus admonitions:
 * `::: tip` … `:::`) or a block quote holds headings whose levels start
 * afresh inside it: the site renders them in a box, so `####` as the first
 * heading of a `<DeepDive>` under `##` is not a skipped level.
 *
 * Containers are found as MDX parses them (a JSX element with children) and
 * as Markdown reads them: an HTML block that opens a component and the one
 * that closes it, a paragraph that opens `:::` and the one that closes it,
 * with the headings between as siblings.
 */
import type { Heading, Nodes, Paragraph } from 'mdast';

/** Lower-case elements that are containers too (collapsible boxes). */
const boxElements = new Set(['details']);

/** Whether an element name is a container: a component (a capital first letter) or a box element. */
function isContainerName(name: string | null | undefined): name is string {
  return !!name && (/^[A-Z]/.test(name) || boxElements.has(name));
}

/** An HTML block that opens a component and does not close it (`<DeepDive>`, `<Tabs groupId="x">`): its name. */
function openedTag(html: string): string | undefined {
  const match = /^\s*<([A-Za-z][\w.]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/.exec(html);
  if (!match || !isContainerName(match[1]) || match[0].endsWith('/>')) return undefined;
  return new RegExp(`</${match[1]!.replace('.', '\\.')}\\s*>`).test(html) ? undefined : match[1];
}

/** An HTML block that closes a component (`</DeepDive>`): its name. */
function closedTag(html: string): string | undefined {
  const match = /^\s*<\/([A-Za-z][\w.]*)\s*>/.exec(html);
  return match && isContainerName(match[1]) ? match[1] : undefined;
}

/** The text of a paragraph's first and last text children (where `:::` markers are). */
function paragraphEdges(node: Paragraph): { first: string; last: string } {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  return { first: first?.type === 'text' ? first.value : '', last: last?.type === 'text' ? last.value : '' };
}

/** What a paragraph does to `:::` containers: open one (`::: tip`), close one (a last line `:::`), both, or neither. */
function colonFence(node: Paragraph): { opens: boolean; closes: boolean } {
  const { first, last } = paragraphEdges(node);
  const opens = /^:{3,}[ \t]*[^\s:]/.test(first);
  const lastLine = last.slice(last.lastIndexOf('\n') + 1);
  const closes = /^:{3,}[ \t]*$/.test(lastLine) && (!opens || last.includes('\n') || node.children.length > 1);
  return { opens, closes };
}

/** The container a node is by itself (a block quote, an MDX component element), as a scope name. */
function ownScope(node: Nodes): string | undefined {
  if (node.type === 'blockquote') return 'blockquote';
  if (node.type === 'mdxJsxFlowElement' && isContainerName(node.name)) return node.name;
  return undefined;
}

/** A scope id: the container's name and where it starts. */
function scopeId(name: string, node: Nodes): string {
  return `${name}@${node.position?.start.offset ?? '?'}`;
}

/**
 * The scope of each heading that is inside a container (see the module
 * comment): the innermost container's name and offset, e.g. `DeepDive@120`,
 * `:::@48`, `blockquote@300`. Headings of the outline are absent.
 */
export function headingScopes(tree: Nodes): Map<Heading, string> {
  const scopes = new Map<Heading, string>();
  const stack: Array<[Nodes, string | undefined]> = [[tree, undefined]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    if (node.type === 'heading') {
      if (outer !== undefined) scopes.set(node, outer);
      continue;
    }
    if (!('children' in node)) continue;
    const own = ownScope(node);
    const inherited = own && node.type !== 'root' ? scopeId(own, node) : outer;
    // Containers opened and closed by siblings: a stack of [name, id].
    const open: Array<[string, string]> = [];
    for (const child of node.children as Nodes[]) {
      const current = open[open.length - 1]?.[1] ?? inherited;
      stack.push([child, current]);
      if (child.type === 'html') {
        const opened = openedTag(child.value);
        const closed = opened ? undefined : closedTag(child.value);
        if (opened) open.push([opened, scopeId(opened, child)]);
        else if (closed) closeNamed(open, closed);
      } else if (child.type === 'paragraph') {
        const fence = colonFence(child);
        if (fence.opens && !fence.closes) open.push([':::', scopeId(':::', child)]);
        else if (fence.closes && !fence.opens) closeNamed(open, ':::');
      }
    }
  }
  return scopes;
}

/** Close the innermost open container of that name (and any left open inside it). */
function closeNamed(open: Array<[string, string]>, name: string): void {
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i]![0] !== name) continue;
    open.length = i;
    return;
  }
}
