/**
 * The drift of `generated` mirrors, for the `mirror-generated-stale` rule:
 * each file of the mirror compared, by SHA-256, with what the mirror's
 * `.tongwen-convert.json` (the manifest `tongwen convert` writes) recorded
 * of its source and of its output. Read through a file source, so that
 * `--staged` judges the staged files and the staged manifest.
 */
import { folderOf, type MirrorDrift, type MirrorSetting } from '@tongwen/rules';
import { hashText, manifestName, manifestStore, parseStore, type FileSource, type ManifestRecord } from '@tongwen/workspace';

/**
 * The recorded files of a manifest's text (validated as the store it is), or
 * `undefined` when there is none or it is not one: then nothing is judged.
 */
export function recordedFiles(text: string | undefined, file = manifestName): ReadonlyMap<string, ManifestRecord> | undefined {
  const load = parseStore(text, file, manifestStore);
  return load.status === 'loaded' ? new Map(Object.entries(load.data.files)) : undefined;
}

/** The content hash of a file already read in this run (a chapter through the store), if known: it is not read again. */
export type KnownHash = (file: string) => string | undefined;

/** The hashes of the files under `folder/` of a listing (paths from the folder), the manifest and stamps aside. */
function hashesUnder(source: FileSource, listing: readonly string[], folder: string, wanted: (relative: string) => boolean, known?: KnownHash): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const file of listing) {
    if (!file.startsWith(`${folder}/`)) continue;
    const relative = file.slice(folder.length + 1);
    if (relative === manifestName || relative === '.tongwen-mirror.json' || !wanted(relative)) continue;
    const hash = known?.(file);
    if (hash !== undefined) {
      hashes.set(relative, hash);
      continue;
    }
    const read = source.read(file);
    if ('bytes' in read) hashes.set(relative, hashText(read.bytes));
  }
  return hashes;
}

/**
 * The drifted files of the `generated` mirrors of `mirrors`, from a file
 * source rooted where the folders are; with `only` (paths from that root),
 * only the files whose source or mirror path is in it.
 */
export function mirrorDrift(source: FileSource, mirrors: readonly MirrorSetting[], only?: ReadonlySet<string>, known?: KnownHash): MirrorDrift[] {
  const generated = mirrors.filter((setting) => setting.kind === 'generated');
  if (generated.length === 0) return [];
  const listing = source.list();
  return generated.flatMap((setting) => settingDrift(source, listing, folderOf(setting.source), folderOf(setting.mirror), only, known));
}

function settingDrift(source: FileSource, listing: readonly string[], from: string, to: string, only: ReadonlySet<string> | undefined, known: KnownHash | undefined): MirrorDrift[] {
  const manifest = source.read(`${to}/${manifestName}`);
  const recorded = recordedFiles('bytes' in manifest ? new TextDecoder().decode(manifest.bytes) : undefined, `${to}/${manifestName}`);
  if (!recorded) return [];
  const wanted = (relative: string): boolean => !only || only.has(`${from}/${relative}`) || only.has(`${to}/${relative}`);
  const inputs = hashesUnder(source, listing, from, wanted, known);
  const outputs = hashesUnder(source, listing, to, wanted, known);
  const drift: MirrorDrift[] = [];
  for (const [relative, hash] of inputs) {
    const pair = { source: `${from}/${relative}`, mirror: `${to}/${relative}` };
    const output = outputs.get(relative);
    const entry = recorded.get(relative);
    if (output === undefined) drift.push({ state: 'missing', ...pair });
    else if (entry && entry.input !== hash) drift.push({ state: 'source-changed', ...pair });
    else if (entry && entry.output !== output) drift.push({ state: 'hand-edited', ...pair });
  }
  for (const relative of outputs.keys()) if (!inputs.has(relative)) drift.push({ state: 'extra', source: `${from}/${relative}`, mirror: `${to}/${relative}` });
  return drift.sort((a, b) => (a.mirror < b.mirror ? -1 : a.mirror > b.mirror ? 1 : 0));
}
