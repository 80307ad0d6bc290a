/**
 * micromark's EditMap, as patched by this repository (patches/micromark-util-edit-map@1.0.0.patch):
 * its edits apply as a splice from the last to the first would, and the events before the first
 * edit are never moved. Unpatched, `consume` copied every event out and back for each edit, and
 * micromark's document tokenizer makes one such edit each time a container closes: a nested list
 * of n items cost O(n²) (2,000 items: 7 s of CPU).
 */
import { describe, expect, test } from 'vitest';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { parseMarkdown } from '@tongwen/book';

/** Stand-ins for micromark's events: only their identity matters here. */
function events(count: number, tag: string): Event[] {
  return Array.from({ length: count }, (_, index) => [tag, index] as unknown as Event);
}

/** A deterministic sequence of numbers in [0, 1) (a linear congruential generator). */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('EditMap.consume', () => {
  test('gives what splicing the edits from the last to the first gives (300 generated edit sets)', () => {
    const random = numbers(7);
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(random() * 40);
      const list = events(length, 'old');
      const map = new EditMap();
      const edits: Array<[number, number, Event[]]> = [];
      const taken = new Set<number>();
      for (let count = Math.floor(random() * 5); count > 0; count--) {
        const at = Math.floor(random() * (length + 1));
        // EditMap merges edits at the same index; one edit per index keeps the reference simple.
        if (taken.has(at)) continue;
        const remove = Math.min(Math.floor(random() * 3), length - at);
        // Edits must not overlap: the removed ranges of different edits are disjoint.
        if ([...taken].some((other) => at < other + 3 && other < at + remove + 3)) continue;
        taken.add(at);
        const add = events(Math.floor(random() * 4), `new${round}.${at}`);
        edits.push([at, remove, add]);
        map.add(at, remove, add);
      }
      const expected = list.slice();
      for (const [at, remove, add] of [...edits].sort((a, b) => b[0] - a[0])) expected.splice(at, remove, ...add);
      map.consume(list);
      expect(list, `round ${round}`).toEqual(expected);
    }
  });

  test('the events before the first edit are not moved', () => {
    const list = events(100_000, 'old');
    const writes: number[] = [];
    const watched = new Proxy(list, {
      set(target, key, value) {
        if (typeof key === 'string' && /^\d+$/.test(key)) writes.push(Number(key));
        return Reflect.set(target, key, value);
      },
    });
    const map = new EditMap();
    map.add(99_990, 0, events(2, 'new'));
    map.add(99_995, 3, []);
    map.consume(watched);
    expect(list).toHaveLength(99_999);
    expect(writes).toEqual([99_990, 99_991, 99_992, 99_993, 99_994, 99_995, 99_996, 99_997, 99_998]);
  });
});

describe('a long nested list', () => {
  test('parses into one list of 3,000 items, each with its own list of one item', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `- 第 ${index} 项\n  - 子项 ${index}`).join('\n');
    const tree = parseMarkdown(text);
    expect(tree.children).toHaveLength(1);
    const list = tree.children[0]!;
    expect(list.type).toBe('list');
    const items = list.type === 'list' ? list.children : [];
    expect(items).toHaveLength(3000);
    expect(items.every((item) => item.children.length === 2 && item.children[1]!.type === 'list' && item.children[1]!.children.length === 1)).toBe(true);
    expect(items[2999]!.position?.start).toEqual({ line: 5999, column: 1, offset: text.lastIndexOf('- 第 2999') });
  });
});
