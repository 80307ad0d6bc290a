/**
 * The records layout of a store (the check cache): a store whose run reads
 * only the records it needs. The file is one header line of JSON (the kind,
 * the layout version, the key, the meta hashes, and per record its path, its
 * tag and its length in bytes) followed by the records' JSON texts back to
 * back, the summary's first. Opening a store parses the header only; a
 * record is parsed and validated when it is first read, and a record saved
 * again unread is written back as the bytes it was read as.
 *
 * The same guarantees as the JSON layout of `store.ts`: saved atomically, a
 * file of another kind or layout (the JSON layout of earlier versions among
 * them) or whose length is not what its header says (a torn or foreign
 * file) is ignored with the reason (a store of this kind that an earlier
 * version saved in the JSON layout quietly, as outdated), a path that leaves the folder is dropped
 * and named; a record whose text is not a well-formed record is absent.
 */
import { ignoredEntries, isSafePath, readStoreBytes, writeStoreFile, type StoreKind } from './store.js';

/** Layout version of a records store (a store of the JSON layout is of version 1). */
const recordsVersion = 2;

/** One record of a records store, kept as the bytes it was read as until it is read. */
export class StoredRecord<E> {
  #read: { value: E | undefined } | undefined;

  constructor(
    /** What the kind says of the record without reading it ({@link RecordKind.tag}: the check cache's content hash). */
    readonly tag: string,
    /** The record's JSON text, as UTF-8. */
    readonly bytes: Uint8Array,
    private readonly valid: (value: unknown) => value is E,
  ) {}

  /** The record, parsed and validated once; `undefined` when its text is not a well-formed record. */
  read(): E | undefined {
    this.#read ??= { value: parseRecord(this.bytes, this.valid) };
    return this.#read.value;
  }

  /** Whether the record was read and is not well formed (for the log). */
  get broken(): boolean {
    return this.#read !== undefined && this.#read.value === undefined;
  }
}

function parseRecord<E>(bytes: Uint8Array, valid: (value: unknown) => value is E): E | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A store kind saved in the records layout: the tag of a record is read without parsing it. */
export interface RecordKind<E, S = never> extends StoreKind<E, S> {
  /** What the header keeps of a record (a content hash), so that a run can tell the record it needs before reading it. */
  tag(entry: E): string;
}

/** The content of a records store: records by path (`/`-separated, from the store's root), valid under `key`. */
export interface RecordData<E, S = never> {
  key: string;
  meta?: Record<string, string>;
  /** What the store keeps of the whole set of files, read when used. */
  summary?: StoredRecord<S>;
  records: Map<string, StoredRecord<E>>;
}

/** What opening a records store gave, as {@link StoreLoad} of the JSON layout. */
export interface RecordLoad<E, S = never> {
  status: 'missing' | 'outdated' | 'loaded' | 'invalid';
  data: RecordData<E, S>;
  problem?: string;
}

/** What to save: each record as a value, or as a {@link StoredRecord} read from the store (written back as its bytes). */
export interface RecordSave<E, S = never> {
  key: string;
  meta?: Record<string, string>;
  summary?: S | StoredRecord<S>;
  records: Record<string, E | StoredRecord<E>>;
}

interface Header {
  tool: string;
  version: number;
  options: string;
  meta?: Record<string, string>;
  /** The summary's length in bytes (absent: no summary). */
  summary?: number;
  /** Per record: its path, tag and length in bytes, in the order of the texts. */
  records: [string, string, number][];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLength = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isRow = (value: unknown): value is [string, string, number] => Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string' && isLength(value[2]);

/**
 * Open a records store as untrusted input (see the head of this file): a
 * missing file, or one saved under another key than `key` (when given), is
 * an empty store.
 */
export function openRecords<E, S = never>(file: string, kind: RecordKind<E, S>, key?: string): RecordLoad<E, S> {
  const empty: RecordData<E, S> = { key: key ?? '', records: new Map() };
  const bytes = readStoreBytes(file);
  if (bytes === undefined) return { status: 'missing', data: empty };
  const unexpected = `Unexpected content in \`${file}\`, expected a \`${kind.tool}\` store of version ${recordsVersion}`;
  const end = bytes.indexOf(0x0a);
  const header = end < 0 ? undefined : parseHeader(bytes.subarray(0, end), kind.tool);
  // A store an earlier version of tongwen saved in the JSON layout: outdated, as under another key (replaced by the next save).
  if (!header && isJsonLayout(bytes, kind.tool)) return { status: 'outdated', data: empty };
  if (!header) return { status: 'invalid', data: empty, problem: `${unexpected}: ignored` };
  const total = header.records.reduce((sum, row) => sum + row[2], header.summary ?? 0);
  if (bytes.length - end - 1 !== total) return { status: 'invalid', data: empty, problem: `${unexpected} of ${end + 1 + total} bytes (a torn or foreign file): ignored` };
  if (key !== undefined && header.options !== key) return { status: 'outdated', data: empty };
  return withRecords(header, bytes.subarray(end + 1), file, kind);
}

/** Whether the bytes start as `saveStore` of the JSON layout (version 1) starts a store of this kind. */
function isJsonLayout(bytes: Buffer, tool: string): boolean {
  const start = `{"tool":${JSON.stringify(tool)},"version":1,`;
  return bytes.length >= start.length && bytes.toString('utf8', 0, Buffer.byteLength(start)) === start;
}

function parseHeader(bytes: Uint8Array, tool: string): Header | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(raw) || raw.tool !== tool || raw.version !== recordsVersion || typeof raw.options !== 'string') return undefined;
  if (!Array.isArray(raw.records) || !raw.records.every(isRow) || (raw.summary !== undefined && !isLength(raw.summary))) return undefined;
  if (raw.meta !== undefined && !(isObject(raw.meta) && Object.values(raw.meta).every((value) => typeof value === 'string'))) return undefined;
  return raw as unknown as Header;
}

/** The store's records cut out of its body; records whose path leaves the folder (or repeats one) dropped and named. */
function withRecords<E, S>(header: Header, body: Uint8Array, file: string, kind: RecordKind<E, S>): RecordLoad<E, S> {
  let offset = header.summary ?? 0;
  const records = new Map<string, StoredRecord<E>>();
  const dropped: string[] = [];
  for (const [name, tag, length] of header.records) {
    const bytes = body.subarray(offset, offset + length);
    offset += length;
    if (isSafePath(name) && !records.has(name)) records.set(name, new StoredRecord(tag, bytes, kind.isEntry));
    else dropped.push(name);
  }
  const isSummary = kind.isSummary;
  const summary = header.summary !== undefined && isSummary ? { summary: new StoredRecord<S>('', body.subarray(0, header.summary), isSummary) } : {};
  const data: RecordData<E, S> = { key: header.options, ...(header.meta ? { meta: header.meta } : {}), ...summary, records };
  if (dropped.length === 0) return { status: 'loaded', data };
  return { status: 'loaded', data, problem: ignoredEntries(file, dropped, 'a path inside its folder') };
}

const utf8 = new TextEncoder();

/** Save a records store atomically, paths sorted: the same content gives the same bytes (no timestamps). */
export function saveRecords<E, S = never>(file: string, kind: RecordKind<E, S>, data: RecordSave<E, S>): void {
  const texts: Uint8Array[] = [];
  const rows: [string, string, number][] = [];
  const summary = data.summary === undefined ? undefined : data.summary instanceof StoredRecord ? data.summary.bytes : utf8.encode(JSON.stringify(data.summary));
  if (summary) texts.push(summary);
  // What opening would drop is not written.
  for (const name of Object.keys(data.records).sort()) {
    if (!isSafePath(name)) continue;
    const record = data.records[name]!;
    const bytes = record instanceof StoredRecord ? record.bytes : utf8.encode(JSON.stringify(record));
    rows.push([name, record instanceof StoredRecord ? record.tag : kind.tag(record), bytes.length]);
    texts.push(bytes);
  }
  const header: Header = { tool: kind.tool, version: recordsVersion, options: data.key, ...(data.meta ? { meta: data.meta } : {}), ...(summary ? { summary: summary.length } : {}), records: rows };
  writeStoreFile(file, Buffer.concat([utf8.encode(`${JSON.stringify(header)}\n`), ...texts]));
}
