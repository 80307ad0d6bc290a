import path from 'node:path';
import { readStoreFile, writeFileAtomic } from '@tongwen/workspace';

/** File name of the manifest kept in the output folder. */
export const manifestName = '.tongwen-convert.json';

/** What the manifest remembers of one file. */
export interface ManifestEntry {
  /** SHA-256 of the source bytes. */
  input: string;
  /** SHA-256 of the bytes written. */
  output: string;
  /** Heading anchors of this chapter that the conversion changed, old → new. */
  anchors?: Record<string, string>;
  /** Chapters whose anchors this chapter's links follow, with the key of their anchors when converted. */
  deps?: Record<string, string>;
}

/** The manifest: input hashes and options of the last run, for incremental runs. */
export interface Manifest {
  tool: 'tongwen convert';
  version: 1;
  /** SHA-256 of the options (direction, glossary bytes, slug flavour…). */
  options: string;
  files: Record<string, ManifestEntry>;
}

/**
 * Read the manifest of an output folder; `undefined` when absent, unreadable
 * or malformed. It is input like any other: entries whose path is not a plain
 * relative path inside the folder (`../victim.txt`, `/etc/x`, `a/../../b`) or
 * whose hashes are not strings are dropped, so nothing outside is ever
 * touched because a manifest said so.
 */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  const text = readStoreFile(path.join(out, manifestName));
  if (text === undefined) return undefined;
  let data: Manifest;
  try {
    data = JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
  if (!data || data.tool !== 'tongwen convert' || data.version !== 1 || typeof data.options !== 'string' || !data.files || typeof data.files !== 'object') return undefined;
  const files: Record<string, ManifestEntry> = {};
  for (const [file, entry] of Object.entries(data.files)) if (isSafePath(file) && isEntry(entry)) files[file] = entry;
  return { ...data, files };
}

/** A relative `/`-separated path that stays inside its folder. */
export function isSafePath(file: string): boolean {
  if (file === '' || file.includes('\\') || file.includes('\0') || /^[a-zA-Z]:/.test(file) || file.startsWith('/')) return false;
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function isEntry(entry: unknown): entry is ManifestEntry {
  const value = entry as Partial<ManifestEntry> | null;
  return typeof value === 'object' && value !== null && typeof value.input === 'string' && typeof value.output === 'string';
}

/** Write the manifest atomically, keys sorted (stable bytes, no timestamps). */
export async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  const files: Record<string, ManifestEntry> = {};
  for (const key of Object.keys(manifest.files).sort()) files[key] = manifest.files[key]!;
  writeFileAtomic(out, manifestName, `${JSON.stringify({ ...manifest, files }, null, 1)}\n`);
}

/** A key for a chapter's changed anchors ('' when none change). */
export function anchorsKey(anchors: ReadonlyMap<string, string> | undefined): string {
  if (!anchors || anchors.size === 0) return '';
  return JSON.stringify([...anchors]);
}
