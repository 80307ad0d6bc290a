/**
 * The convert manifest: the record `tongwen convert` keeps in an output
 * folder of the files it wrote there (a store of this package). Read by
 * `convert` to plan a run and by `check` to judge a generated mirror.
 */
import type { StoreKind } from './store.js';

/** File name of the manifest in the output folder. */
export const manifestName = '.tongwen-convert.json';

/** What the manifest records of one file. */
export interface ManifestRecord {
  /** Content hash of the source bytes. */
  input: string;
  /** Content hash of the bytes written. */
  output: string;
  /** Heading anchors of this chapter that the conversion changed, old → new. */
  anchors?: Record<string, string>;
  /** Chapters whose anchors this chapter's links follow, with a key of their anchors when converted. */
  deps?: Record<string, string>;
}

const isStrings = (value: unknown): boolean => value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string'));

/** The manifest's records, validated as untrusted input; indented, since people read it in reviews. */
export const manifestStore: StoreKind<ManifestRecord> = {
  tool: 'tongwen convert',
  pretty: true,
  isEntry: (entry): entry is ManifestRecord => {
    const value = entry as Partial<ManifestRecord> | null;
    return typeof value === 'object' && value !== null && typeof value.input === 'string' && typeof value.output === 'string' && isStrings(value.anchors) && isStrings(value.deps);
  },
};
