/**
 * Files tongwen keeps for itself (the content-hash cache, the external-link
 * cache, the convert manifest): read as untrusted input (a missing, unreadable
 * or malformed file is no file), written atomically.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './write.js';

/** The text of a file tongwen keeps, or `undefined` when it is absent or unreadable. */
export function readStoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Write a file tongwen keeps, atomically, inside its own folder (created if needed). */
export function writeStoreFile(file: string, text: string): void {
  writeFileAtomic(path.dirname(path.resolve(file)), path.basename(file), text);
}

/** SHA-1 of a string, hex. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Defined (`true`) by the command's bundler (packages/cli/scripts/bundle.mjs); undeclared elsewhere. */
declare const TONGWEN_BUNDLE: boolean | undefined;

/**
 * A fingerprint of the code whose results a cache keeps: the size and
 * modification time of every file of the book, rules, linter, convert and
 * workspace packages — or, in the command's bundle, of the bundle's own
 * files. Rebuilding or editing any of them invalidates every cache.
 */
export function codeFingerprint(): string {
  const hash = createHash('sha1');
  const walk = (dir: string, deep: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (deep) walk(full, deep);
      } else if (/\.(js|ts|json)$/.test(entry.name)) {
        const stat = statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  if (typeof TONGWEN_BUNDLE !== 'undefined') {
    walk(fileURLToPath(new URL('.', import.meta.url)), false);
    return hash.digest('hex');
  }
  const packages = new URL('../../../', import.meta.url);
  for (const name of ['book', 'rules', 'linter', 'convert', 'workspace']) {
    for (const sub of ['dist', 'src']) walk(fileURLToPath(new URL(`${name}/${sub}`, packages)), true);
  }
  return hash.digest('hex');
}

/** The default cache folder: `node_modules/.cache/tongwen` of the working directory, else the system's temporary folder. */
export function defaultCacheFolder(cwd: string): string {
  const modules = path.join(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'tongwen') : path.join(tmpdir(), 'tongwen-cache');
}
