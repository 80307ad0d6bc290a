import { readFileSync, writeFileSync } from 'node:fs';

/** A check cache file as a test looks at it: its header's fields, its summary, and every record by path. */
export interface CacheFile {
  tool: string;
  version: number;
  options: string;
  meta?: Record<string, string>;
  summary?: unknown;
  files: Record<string, Record<string, unknown>>;
}

/** A check cache file read whole (its header, its summary and every record), as a test looks at it. */
export function readCacheFile(file: string): CacheFile {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Omit<CacheFile, 'files' | 'summary'> & { summary?: number; records: [string, string, number][] };
  const slice = (from: number, length: number): unknown => JSON.parse(bytes.subarray(from, from + length).toString('utf8'));
  let offset = end + 1 + (header.summary ?? 0);
  const files: CacheFile['files'] = {};
  for (const [name, , length] of header.records) {
    files[name] = slice(offset, length) as Record<string, unknown>;
    offset += length;
  }
  const { records: _, summary, ...rest } = header;
  return { ...rest, ...(summary !== undefined ? { summary: slice(end + 1, summary) } : {}), files };
}

/** Write a check cache file of the records layout (a test's hand-made or damaged store). */
export function writeCacheFile(file: string, { summary, files, ...header }: CacheFile): void {
  const texts = Object.values(files).map((entry) => Buffer.from(JSON.stringify(entry)));
  const first = summary === undefined ? [] : [Buffer.from(JSON.stringify(summary))];
  const records = Object.entries(files).map(([name, entry], index) => [name, String(entry.hash), texts[index]!.length]);
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, ...(first[0] ? { summary: first[0].length } : {}), records })}\n`), ...first, ...texts]));
}
