/**
 * The `@tongwen/report/formats` entry: the format names, and each formatter
 * loaded on first use. A command imports this, not the package's index (which
 * loads every formatter), so that it loads only the formats it writes.
 */
import type { Formatter } from './types.js';

export { sideOutputs } from './side.js';

/**
 * Every formatter by the name `--format` takes, each loaded on first use: a
 * command loads only the formats it writes (a `--format json` run never loads
 * the terminal-width tables of `stylish`). The eager map is `formatters`
 * (`registry.ts`); a test keeps the two the same.
 */
const loaders: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import('../formatters/stylish.js')).stylish,
  json: async () => (await import('../formatters/json.js')).json,
  sarif: async () => (await import('../formatters/sarif.js')).sarif,
  junit: async () => (await import('../formatters/junit.js')).junit,
  github: async () => (await import('../formatters/github.js')).github,
  markdown: async () => (await import('../formatters/markdown.js')).markdown,
  rdjson: async () => (await import('../formatters/rdjson.js')).rdjson,
  html: async () => (await import('../formatters/html.js')).html,
};

/** The names `--format` accepts. */
export const formatNames: readonly string[] = Object.keys(loaders);

/** Formats whose output is meant for a terminal (the only ones that may be coloured). */
export const terminalFormats: readonly string[] = ['stylish'];

/** The formatter of a `--format` name, loaded (its module and what it needs); `undefined` for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(loaders, name) ? await loaders[name]!() : undefined;
}
