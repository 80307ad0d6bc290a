/**
 * File sources: where a book's files come from. One interface, so that a
 * command chooses a source (the work tree today; the git index and a commit
 * are the same interface) and everything after it is the same.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './decode.js';
import { listFiles, type ListOptions } from './list.js';

/** What reading one file gave. */
export type ReadResult = { bytes: Uint8Array } | { error: string };

/** The files of one book, from one source. Paths are `/`-separated, from the book root. */
export interface FileSource {
  /** Absolute path of the book root (where relative paths of findings start). */
  readonly root: string;
  /** Every file of the book under the listing policy, sorted. */
  list(): string[];
  /** The size of a file in bytes, without reading it (`undefined` when unknown). */
  size(file: string): number | undefined;
  /** The bytes of a file. */
  read(file: string): ReadResult;
  /** How many files were read so far (for tests and measurements). */
  readonly reads: number;
  /** The files whose bytes could not be read (an I/O failure, not a finding about the book). */
  readonly failures: readonly string[];
  /** Git's blob id (a hash of the bytes) of every listed file, when the source knows them without reading any (a git source). */
  blobIds?(): ReadonlyMap<string, string>;
}

/** The working tree: files on the disk under {@link ListOptions} policy. */
export function workTreeSource(root: string, options: ListOptions = {}): FileSource {
  let reads = 0;
  const failures: string[] = [];
  return {
    root: path.resolve(root),
    list: () => listFiles(root, options),
    size(file) {
      try {
        return statSync(path.join(root, file)).size;
      } catch {
        return undefined;
      }
    },
    read(file) {
      reads++;
      try {
        return { bytes: new Uint8Array(readFileSync(path.join(root, file))) };
      } catch (error) {
        failures.push(file);
        return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
      }
    },
    get reads() {
      return reads;
    },
    failures,
  };
}

/** A load problem of one file: the rule id it is reported under, and the message. */
export interface FileProblem {
  ruleId: 'file-too-large' | 'file-unreadable' | 'file-encoding';
  message: string;
}

/** Read and decode one text file of a source: its text (a byte-order mark kept), or the problem. */
export function readText(source: FileSource, file: string, maxBytes: number): { text: string } | { problem: FileProblem } {
  const size = source.size(file);
  if (size !== undefined && size > maxBytes) {
    return { problem: { ruleId: 'file-too-large', message: `File is ${size} bytes, more than the limit of ${maxBytes}: not checked` } };
  }
  const read = source.read(file);
  if ('error' in read) return { problem: { ruleId: 'file-unreadable', message: `Cannot read file: ${read.error}` } };
  if (size === undefined && read.bytes.length > maxBytes) {
    return { problem: { ruleId: 'file-too-large', message: `File is ${read.bytes.length} bytes, more than the limit of ${maxBytes}: not checked` } };
  }
  const decoded = decodeText(read.bytes);
  if ('problem' in decoded) return { problem: { ruleId: 'file-encoding', message: decoded.problem } };
  return decoded;
}

/** The UTF-8 text of a file named by the user (a glossary, a configuration), or the error code. */
export function readFileText(file: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}
