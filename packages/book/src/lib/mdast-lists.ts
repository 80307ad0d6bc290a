/**
 * micromark marks a list and each item's prefix, not the items: before the
 * events are turned into a tree (`mdast-compiler.ts`), every item gets
 * `listItem` enter and exit events, and every list and item its `_spread`
 * (loose: a blank line between its children, or between items), as
 * mdast-util-from-markdown defines them:
 * - an item starts at a prefix of the list itself (not of a nested list or a
 *   block quote inside it) and ends before the next prefix or the list's
 *   end, with the line endings and prefixes that trail it left out;
 * - of those trailing line endings the first is the item's end and stays a
 *   plain line ending; any later one is a blank line between items (the list
 *   is spread);
 * - an item is spread when a blank line, not right after its marker and not
 *   inside a nested container, comes before its end.
 */
import type { Event, Token } from 'micromark-util-types';

/** The events with `listItem` events added inside every list (inner lists first); `events` itself when it has no list. */
export function withListItems(events: Event[]): Event[] {
  const first = events.findIndex(isList);
  if (first === -1) return events;
  // The events before the first list are kept as they are (one copy, no pushes).
  const out: Event[] = events.slice(0, first);
  const openLists: number[] = [];
  for (let index = first; index < events.length; index++) {
    const event = events[index]!;
    out.push(event);
    if (!isList(event)) continue;
    if (event[0] === 'enter') openLists.push(out.length - 1);
    else addListItems(out, openLists.pop()!);
  }
  return out;
}

function isList(event: Event): boolean {
  return event[1].type === 'listOrdered' || event[1].type === 'listUnordered';
}

/** Token types between an item's content and the next item or the list's end. */
const trailing = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);
/** Token types of an item's prefix: a blank line right after them does not make the item spread. */
const prefixParts = new Set(['linePrefix', 'listItemValue', 'listItemMarker', 'listItemPrefix', 'listItemPrefixWhitespace']);

/** Where an item's events go: before the event at `at` (indexes of the list as it was). */
interface Insertion {
  at: number;
  event: Event;
}

/** What a walk over one list knows so far. */
interface ListWalk {
  item: Token | undefined;
  /** The first blank line of the current item's own content. */
  firstBlank: number | undefined;
  spread: boolean;
  insertions: Insertion[];
}

/** Add the items of the list that starts at `start` and ends the array. */
function addListItems(events: Event[], start: number): void {
  const walk: ListWalk = { item: undefined, firstBlank: undefined, spread: false, insertions: [] };
  let depth = -1;
  let atMarker = false;
  for (let index = start; index < events.length; index++) {
    const [kind, token, tokenizer] = events[index]!;
    if (token.type === 'listOrdered' || token.type === 'listUnordered' || token.type === 'blockQuote') depth += kind === 'enter' ? 1 : -1;
    if (token.type === 'lineEndingBlank' && kind === 'enter' && walk.item && !atMarker && depth === 0 && walk.firstBlank === undefined) walk.firstBlank = index;
    if (!prefixParts.has(token.type) && (token.type !== 'lineEndingBlank' || kind === 'enter')) atMarker = false;
    const itemStarts = depth === 0 && kind === 'enter' && token.type === 'listItemPrefix';
    const listEnds = depth === -1 && kind === 'exit' && (token.type === 'listOrdered' || token.type === 'listUnordered');
    if (!itemStarts && !listEnds) continue;
    if (walk.item) endItem(events, index, walk);
    if (itemStarts) {
      const item: Token = { type: 'listItem', _spread: false, start: { ...token.start }, end: undefined as unknown as Token['end'] };
      walk.item = item;
      walk.insertions.push({ at: index, event: ['enter', item, tokenizer] });
      walk.firstBlank = undefined;
      atMarker = true;
    }
  }
  spliceIn(events, start, walk.insertions);
  events[start]![1]._spread = walk.spread;
}

/** End the current item before the event at `index`, before the line endings and prefixes that trail it. */
function endItem(events: Event[], index: number, walk: ListWalk): void {
  const item = walk.item!;
  let lineIndex: number | undefined;
  for (let at = index - 1; at >= 0; at--) {
    const [kind, token] = events[at]!;
    if (token.type === 'lineEnding' || token.type === 'lineEndingBlank') {
      if (kind === 'exit') continue;
      if (lineIndex !== undefined) {
        events[lineIndex]![1].type = 'lineEndingBlank';
        walk.spread = true;
      }
      token.type = 'lineEnding';
      lineIndex = at;
    } else if (!trailing.has(token.type)) {
      break;
    }
  }
  if (walk.firstBlank !== undefined && (lineIndex === undefined || walk.firstBlank < lineIndex)) item._spread = true;
  const [, token, tokenizer] = events[index]!;
  item.end = { ...(lineIndex === undefined ? token.end : events[lineIndex]![1].start) };
  walk.insertions.push({ at: lineIndex ?? index, event: ['exit', item, tokenizer] });
}

/** Put the insertions (in order of `at`) into the list's events, which end the array. */
function spliceIn(events: Event[], start: number, insertions: Insertion[]): void {
  const list = events.splice(start);
  let next = 0;
  for (const [offset, event] of list.entries()) {
    while (next < insertions.length && insertions[next]!.at === start + offset) events.push(insertions[next++]!.event);
    events.push(event);
  }
}
