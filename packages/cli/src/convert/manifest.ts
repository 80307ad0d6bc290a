import path from 'node:path';
import type { ManifestEntry } from '@tongwen/convert';
import { openStore, saveStore, type StoreData, type StoreKind, type StoreLoad } from '@tongwen/workspace';

/** File name of the manifest kept in the output folder: the record of the files tongwen wrote there. */
export const manifestName = '.tongwen-convert.json';

/** The manifest: the one content-hash store of `@tongwen/workspace`, keyed on the tool version and the options. */
export type Manifest = StoreData<ManifestEntry>;

const isStrings = (value: unknown): boolean => value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string'));

/** The manifest's records, validated as untrusted input; indented, since people read it in reviews. */
const manifestStore: StoreKind<ManifestEntry> = {
  tool: 'tongwen convert',
  pretty: true,
  isEntry: (entry): entry is ManifestEntry => {
    const value = entry as Partial<ManifestEntry> | null;
    return typeof value === 'object' && value !== null && typeof value.input === 'string' && typeof value.output === 'string' && isStrings(value.anchors) && isStrings(value.deps);
  },
};

/**
 * Read the manifest of an output folder as untrusted input (see `openStore`):
 * empty when absent, malformed or (with `key`) written under other options or
 * another version; entries whose path is not a plain relative path inside the
 * folder (`../victim.txt`, `/etc/x`, `a/../../b`) are dropped, so nothing
 * outside is ever touched because a manifest said so.
 */
export function readManifest(out: string, key?: string): StoreLoad<ManifestEntry> {
  return openStore(path.join(out, manifestName), manifestStore, key);
}

/** Write the manifest atomically, keys sorted (stable bytes, no timestamps). */
export function writeManifest(out: string, manifest: Manifest): void {
  saveStore(path.join(out, manifestName), manifestStore, manifest);
}
