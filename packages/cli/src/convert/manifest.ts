import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@tongwen/linter';

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

/** Read the manifest of an output folder; `undefined` when absent or unreadable. */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(out, manifestName), 'utf8')) as Manifest;
    return data && data.tool === 'tongwen convert' && data.version === 1 && typeof data.files === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Write the manifest atomically, keys sorted (stable bytes, no timestamps). */
export async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  const files: Record<string, ManifestEntry> = {};
  for (const key of Object.keys(manifest.files).sort()) files[key] = manifest.files[key]!;
  writeFileAtomic(path.join(out, manifestName), `${JSON.stringify({ ...manifest, files }, null, 1)}\n`);
}

/** A key for a chapter's changed anchors ('' when none change). */
export function anchorsKey(anchors: ReadonlyMap<string, string> | undefined): string {
  if (!anchors || anchors.size === 0) return '';
  return JSON.stringify([...anchors]);
}
