/**
 * Configuration files: found upward from the checked path to the top of the
 * repository; the nearest folder with one wins. Read here, validated by the
 * linter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isFile } from './contents.js';
import { gitTop } from './list.js';

/** File names of a configuration, in order; `package.json` counts when it has a `"tongwen"` key. */
export const configNames = ['tongwen.config.json', 'tongwen.config.jsonc', '.tongwenrc.json'] as const;

/** A configuration file that cannot be read or parsed, or two in one folder. */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

/** A configuration file found, and its parsed (not yet validated) value. */
export interface FoundConfig {
  /** Absolute path of the file. */
  file: string;
  /** The parsed JSON: the whole file, or the `"tongwen"` key of `package.json`. */
  raw: unknown;
}

/** Read and parse a configuration file (JSON with comments allowed). */
export function readConfigFile(file: string): FoundConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigFileError(`Cannot read configuration \`${file}\`: ${reason}`);
  }
  const errors: ParseError[] = [];
  let raw: unknown;
  try {
    // A byte-order mark (as some editors write) is not part of the JSON.
    raw = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: false, disallowComments: false });
  } catch (error) {
    // A value nested 100,000 levels deep overflows the parser's stack: a configuration problem, not an internal one.
    if (error instanceof RangeError) throw new ConfigFileError(`Invalid ${file}: a value is nested too deeply, expected a flat configuration`);
    throw error;
  }
  const first = errors[0];
  if (first) throw new ConfigFileError(`Cannot read configuration \`${file}\`: ${printParseErrorCode(first.error)} at offset ${first.offset}`);
  if (path.basename(file) === 'package.json') return { file, raw: (raw as Record<string, unknown> | null)?.tongwen };
  return { file, raw };
}

/** The configuration files of one folder (`package.json` only with a `"tongwen"` key). */
function configsIn(dir: string): string[] {
  const found: string[] = configNames.map((name) => path.join(dir, name)).filter(isFile);
  const manifest = path.join(dir, 'package.json');
  if (isFile(manifest)) {
    try {
      const data = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'tongwen' in data) found.push(manifest);
    } catch {
      // A package.json that is not JSON is not ours to report.
    }
  }
  return found;
}

/**
 * The nearest configuration of `dir`: in `dir`, else in the folders above it
 * up to the top of its git work tree (or the file-system root outside one).
 * Two configuration files in one folder is a {@link ConfigFileError} naming both.
 */
export function findConfig(dir: string): FoundConfig | undefined {
  const top = gitTop(dir);
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const files = configsIn(current);
    if (files.length > 1) throw new ConfigFileError(`Unexpected two configuration files ${files.map((file) => `\`${file}\``).join(' and ')}, expected one per folder`);
    if (files[0]) return readConfigFile(files[0]);
    if (current === top || path.dirname(current) === current) return undefined;
  }
}

/** The folder of the nearest configuration of `dir` (see {@link findConfig}) without reading it. */
export function configFolder(dir: string): string | undefined {
  const top = gitTop(dir);
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (configsIn(current).length > 0) return current;
    if (current === top || path.dirname(current) === current) return undefined;
  }
}
