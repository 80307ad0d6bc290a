import type { Point, Range } from './types.js';

/** Offsets at which each line of `source` starts (`\n`, `\r\n` and `\r` end lines). */
export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based line and column of a 0-based offset. */
export function pointAt(lineStarts: readonly number[], offset: number): Point {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
}

/** The range between two 0-based offsets. */
export function rangeAt(lineStarts: readonly number[], start: number, end: number): Range {
  return { start: pointAt(lineStarts, start), end: pointAt(lineStarts, end) };
}

/** The 0-based offset of a 1-based line and column. */
export function offsetAt(lineStarts: readonly number[], line: number, column: number): number {
  const start = lineStarts[line - 1];
  return start === undefined ? -1 : start + column - 1;
}
