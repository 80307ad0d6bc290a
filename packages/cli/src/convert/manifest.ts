import path from 'node:path';
import type { ManifestEntry } from '@tongwen/convert';
import { manifestName, manifestStore, openStore, saveStore, type StoreData, type StoreLoad } from '@tongwen/workspace';

export { manifestName };

/** The manifest: the one content-hash store of `@tongwen/workspace`, keyed on the tool version and the options. */
export type Manifest = StoreData<ManifestEntry>;

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
