import type { DictGroup, DictLike } from 'opencc-js';

interface Node {
  next: Map<number, Node>;
  value?: string;
}

/** One dictionary match: the phrase ends at `end` (exclusive, UTF-16) and converts to `value`. */
export interface Match {
  end: number;
  value: string;
}

/**
 * A phrase dictionary (OpenCC's `from to` pairs) as a trie over code points
 * that gives every phrase starting at a position, not only the longest one,
 * so a caller can fall back to a shorter phrase that respects word
 * boundaries.
 */
export class Dictionary {
  readonly #root: Node = { next: new Map() };
  #size = 0;

  /** Number of phrases. */
  get size(): number {
    return this.#size;
  }

  /** Add a phrase; an existing phrase keeps its value unless `replace`. */
  add(key: string, value: string, replace = true): void {
    let node = this.#root;
    for (const char of key) {
      const code = char.codePointAt(0)!;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.value === undefined) this.#size++;
    else if (!replace) return;
    node.value = value;
  }

  /** Whether `key` is a phrase. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The value of `key`, if it is a phrase. */
  get(key: string): string | undefined {
    let node: Node | undefined = this.#root;
    for (const char of key) {
      node = node.next.get(char.codePointAt(0)!);
      if (!node) return undefined;
    }
    return node.value;
  }

  /** Every phrase starting at `start`, shortest first. */
  matches(text: string, start: number): Match[] {
    const found: Match[] = [];
    let node: Node | undefined = this.#root;
    for (let i = start; i < text.length; ) {
      const code = text.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      node = node.next.get(code);
      if (!node) break;
      if (node.value !== undefined) found.push({ end: i, value: node.value });
    }
    return found;
  }

  /**
   * The longest phrase starting at `start` that `fits` (given its end)
   * accepts; without `fits`, the longest phrase (OpenCC's maximum match).
   */
  longest(text: string, start: number, fits?: (end: number) => boolean): Match | undefined {
    let best: Match | undefined;
    let node: Node | undefined = this.#root;
    for (let i = start; i < text.length; ) {
      const code = text.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      node = node.next.get(code);
      if (!node) break;
      if (node.value !== undefined && (!fits || fits(i))) best = { end: i, value: node.value };
    }
    return best;
  }

  /** Every `[key, value]` pair. */
  *entries(): Generator<[string, string]> {
    const stack: Array<[Node, string]> = [[this.#root, '']];
    while (stack.length > 0) {
      const [node, prefix] = stack.pop()!;
      if (node.value !== undefined) yield [prefix, node.value];
      for (const [code, child] of node.next) stack.push([child, prefix + String.fromCodePoint(code)]);
    }
  }

  /** A dictionary of an OpenCC dictionary group: earlier dictionaries win, as in opencc-js. */
  static fromGroup(group: DictGroup): Dictionary {
    const dictionary = new Dictionary();
    for (const dict of group) dictionary.load(dict, false);
    return dictionary;
  }

  /** Load one OpenCC dictionary (`"a b|c d"` or `[["a", "b"]]`; the first of several targets). */
  load(dict: DictLike, replace: boolean): void {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [key, value] = entry.split(' ');
        if (key && value !== undefined) this.add(key, value, replace);
      }
      return;
    }
    for (const [key, value] of dict as ReadonlyArray<readonly [string, string]>) this.add(key, value, replace);
  }
}
