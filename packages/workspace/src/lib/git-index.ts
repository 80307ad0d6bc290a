/**
 * The git index read from its file, without a git process: what `git
 * ls-files -s` lists, for the plain index of most repositories (versions 2
 * and 3, SHA-1 ids, no split index, no sparse folders). Anything else is
 * `undefined`, and git is asked.
 */
import type { GitBlob } from './staged-head.js';

/** Extended flag of an entry added with `git add -N`: a commit leaves it out. */
const intentToAdd = 0x2000;

/**
 * Whether an index may hold intent-to-add entries (`git add -N`): git
 * writes the index in version 2 whenever no entry has extended flags (it
 * demotes version 3 to 2 when that suffices), and intent-to-add is one of
 * them; version 3 or 4, or an index not read, may.
 */
export function mayHoldIntentToAdd(bytes: Buffer | undefined): boolean {
  return !bytes || bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'DIRC' || bytes.readUInt32BE(4) !== 2;
}

/**
 * The regular files (modes 100644 and 100755) of stage 0 under `prefix`
 * (`''` for all) in an index file's bytes, by path from it, in the index's
 * order, files added with `git add -N` left out; `undefined` when the index
 * is not of the plain kind read here.
 */
export function parseIndex(bytes: Buffer, prefix: string): Map<string, GitBlob> | undefined {
  if (bytes.length < 32 || bytes.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = bytes.readUInt32BE(4);
  if (version !== 2 && version !== 3) return undefined;
  const count = bytes.readUInt32BE(8);
  const blobs = new Map<string, GitBlob>();
  const under = prefix ? `${prefix}/` : '';
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > bytes.length) return undefined;
    const mode = bytes.readUInt32BE(at + 24);
    const sha = bytes.toString('hex', at + 40, at + 60);
    const flags = bytes.readUInt16BE(at + 60);
    const hasExtended = version === 3 && (flags & 0x4000) !== 0;
    const extended = hasExtended ? bytes.readUInt16BE(at + 62) : 0;
    const start = at + (hasExtended ? 64 : 62);
    const end = bytes.indexOf(0, start);
    if (end < 0 || ((flags & 0xfff) !== 0xfff && end - start !== (flags & 0xfff))) return undefined;
    // A sparse folder (a tree in the index) is not a listing of files.
    if ((mode & 0o170000) === 0o040000) return undefined;
    const path = bytes.toString('utf8', start, end);
    const stage = (flags >> 12) & 3;
    if (stage === 0 && (mode === 0o100644 || mode === 0o100755) && !(extended & intentToAdd) && path.startsWith(under)) blobs.set(path.slice(under.length), { sha });
    // The entry is padded with 1 to 8 NUL bytes to a multiple of 8 (counted from its start).
    at += ((end - at + 8) & ~7);
  }
  return extensionsEnd(bytes, at) ? blobs : undefined;
}

/** Whether the extensions from `at` end exactly at a SHA-1 checksum, none of them a split index's link. */
function extensionsEnd(bytes: Buffer, at: number): boolean {
  while (at + 8 <= bytes.length - 20) {
    const signature = bytes.toString('latin1', at, at + 4);
    if (signature === 'link' || !/^[A-Za-z]{4}$/.test(signature)) return false;
    at += 8 + bytes.readUInt32BE(at + 4);
  }
  return at === bytes.length - 20;
}
