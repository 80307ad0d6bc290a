/**
 * The published text of the micromark files this repository patches (`patches/`), for the tests
 * that hold each patch to the published code's behaviour: the installed (patched) text with every
 * hunk of the patch taken back (each hunk's added lines replaced by its removed lines), loaded as a
 * module of its own whose imports point at the installed files; and what those tests compare.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '@tongwen/test-utils';
import { parse, postprocess, preprocess } from 'micromark';
import type { Event, Point, Resolver } from 'micromark-util-types';
import { expect } from 'vitest';
import { fromMarkdownOptionsFor } from '../src/lib/extensions.js';

/** A patched file: where it is installed, and the patch and package it belongs to. */
export interface PatchedFile {
  /** The installed file (`index.js`, or `dev/index.js` under the `development` condition, vitest's). */
  installed: string;
  /** The patch's file name in `patches/`. */
  patch: string;
  /** The package's name, as in `node_modules/`. */
  packageName: string;
}

/** The lines a patch removes and adds in `file`, hunk by hunk. */
function hunksOf(patch: string, file: string): Array<{ removed: string[]; added: string[] }> {
  const section = patch.split(/^diff --git /m).find((part) => part.startsWith(`a/${file} `)) ?? '';
  return section
    .split(/^@@[^\n]*\n/m)
    .slice(1)
    .map((hunk) => {
      // The text after a hunk's last line ends it (an empty string after the split).
      const lines = hunk.split('\n').filter((line) => line !== '');
      const context = (line: string): boolean => line.startsWith(' ');
      // Each side of a hunk with its context: the text to find (patched) and what it was (published).
      return { added: lines.filter((line) => context(line) || line.startsWith('+')).map((line) => line.slice(1)), removed: lines.filter((line) => context(line) || line.startsWith('-')).map((line) => line.slice(1)) };
    });
}

/** The file's path inside its package, as the patch names it. */
function nameInPackage({ installed, packageName }: PatchedFile): string {
  const marker = `${packageName}${path.sep}`;
  return installed.slice(installed.lastIndexOf(marker) + marker.length).split(path.sep).join('/');
}

/** The published text: the installed (patched) text with every hunk taken back. */
export function publishedSource(file: PatchedFile): string {
  let text = readFileSync(file.installed, 'utf8');
  const hunks = hunksOf(readFileSync(path.join(repoRoot, 'patches', file.patch), 'utf8'), nameInPackage(file));
  expect(hunks.length, `the patch has hunks for ${nameInPackage(file)}`).toBeGreaterThan(0);
  for (const { removed, added } of hunks) {
    const patched = added.join('\n');
    expect(text.includes(patched), 'the installed file holds the patched hunk').toBe(true);
    text = text.replace(patched, removed.join('\n'));
  }
  return text;
}

/** The published module, loaded from a data URL whose imports (bare and relative) point at the installed files. */
export async function publishedModule<Module>(file: PatchedFile): Promise<Module> {
  const fromFile = createRequire(file.installed);
  const resolve = (specifier: string): string => (specifier.startsWith('.') ? path.resolve(path.dirname(file.installed), specifier) : fromFile.resolve(specifier));
  const source = publishedSource(file).replace(/from '([^']+)'/g, (_, specifier: string) => `from '${pathToFileURL(resolve(specifier)).href}'`);
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Module;
}

/** micromark's entry (`index.js`, or `dev/index.js` under the `development` condition, vitest's), as `@tongwen/book` loads it. */
const micromarkEntry = createRequire(import.meta.url).resolve('micromark');
const fromMicromark = createRequire(micromarkEntry);

/** patches/micromark-util-subtokenize@2.1.0.patch: subtokenize's jumps and gaps as Maps. */
export const patchedSubtokenize: PatchedFile = { installed: fromMicromark.resolve('micromark-util-subtokenize'), patch: 'micromark-util-subtokenize@2.1.0.patch', packageName: 'micromark-util-subtokenize' };

/** patches/micromark@4.0.3.patch: the text resolver merges runs of data in one pass. */
export const patchedText: PatchedFile = { installed: path.join(path.dirname(micromarkEntry), 'lib', 'initialize', 'text.js'), patch: 'micromark@4.0.3.patch', packageName: 'micromark' };

/** micromark's subtokenize: `true` when done, else it is called again (as micromark's postprocess does). */
export type Subtokenize = (events: Event[]) => boolean;

/** The published subtokenize. */
export async function publishedSubtokenize(): Promise<Subtokenize> {
  return (await publishedModule<{ subtokenize: Subtokenize }>(patchedSubtokenize)).subtokenize;
}

/** What the text initializer module exports: three constructs that carry the text resolver. */
type TextModule = Record<'resolver' | 'string' | 'text', { resolveAll?: Resolver }>;
const resolverCarriers = ['resolver', 'string', 'text'] as const;

/** Runs a function with the published text resolvers, counting their calls. */
export type WithPublishedText = <T>(read: () => T) => { result: T; calls: number };

/**
 * The published text resolvers, put in the installed module's constructs (the ones micromark's
 * parser reads `resolveAll` from at each use) for the time `read` runs, the patched ones back after.
 */
export async function publishedTextResolvers(): Promise<WithPublishedText> {
  const installed = (await import(pathToFileURL(patchedText.installed).href)) as TextModule;
  const published = await publishedModule<TextModule>(patchedText);
  return (read) => {
    const own = resolverCarriers.map((name) => installed[name].resolveAll);
    let calls = 0;
    for (const name of resolverCarriers) {
      const resolve = published[name].resolveAll!;
      installed[name].resolveAll = (events, context) => {
        calls++;
        return resolve(events, context);
      };
    }
    try {
      return { result: read(), calls };
    } finally {
      resolverCarriers.forEach((name, index) => (installed[name].resolveAll = own[index]));
    }
  };
}

/** The tokenizer's events before subtokenizing, as `parseMarkdown` reads the text. */
export function documentEvents(text: string, mdx = false): Event[] {
  const parser = parse({ extensions: fromMarkdownOptionsFor(text, mdx).extensions });
  return parser.document().write(preprocess()(text, undefined, true));
}

/** Every event of a text as `parseMarkdown` reads it (sub-tokenized). */
export function allEvents(text: string, mdx = false): Event[] {
  return postprocess(documentEvents(text, mdx));
}

/** Events as comparable text: kind, token type and both points. */
export function described(events: readonly Event[]): string[] {
  const point = ({ line, column, offset }: Point): string => `${line}:${column}@${offset}`;
  return events.map(([kind, token]) => `${kind} ${token.type} ${point(token.start)}-${point(token.end)}`);
}
