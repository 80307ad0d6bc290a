import type { FormatContext } from './types.js';

/** The path to show for a file of the findings: relative to the current folder, `/`-separated. */
export function displayPath(context: FormatContext, file: string): string {
  const prefix = context.pathPrefix ?? '';
  if (!prefix || prefix === '.') return file;
  return `${prefix.replace(/\/+$/, '')}/${file}`;
}

/** Percent-encode each segment of a `/`-separated path (so no segment can read as a URL scheme). */
export function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Whether a link base is allowed: an `http(s)` URL, or a relative path without a scheme. */
export function isSafeBase(base: string): boolean {
  if (/^https?:\/\//i.test(base)) return true;
  return !/^[a-z][a-z\d+.-]*:/i.test(base) && !base.startsWith('//') && !/[\u0000-\u001F\s]/.test(base);
}

/**
 * A link to a file and line: `BASE/PATH#L12` under an `http(s)` base, `BASE/PATH` under a
 * relative base; `undefined` when the base is absent or not allowed.
 */
export function fileHref(context: FormatContext, file: string, line?: number): string | undefined {
  const base = context.linkBase;
  if (base === undefined || !isSafeBase(base)) return undefined;
  const remote = /^https?:\/\//i.test(base);
  const trimmed = base.replace(/\/+$/, '');
  const target = `${trimmed || '.'}/${encodePath(displayPath(context, file))}`;
  return remote && line !== undefined ? `${target}#L${line}` : target;
}
