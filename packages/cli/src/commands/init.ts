import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Book, SlugFlavour } from '@tongwen/book';
import { activeRules, configNames, configSlugFlavours, discoverBooks, editionSetting, findEditions, lintBook, loadBook, localeOf, type BookSpec, type Config } from '@tongwen/linter';
import { localeFromPath, type Locale } from '@tongwen/rules';
import { isFile, isFolder, subfolders, writeFileAtomic } from '@tongwen/workspace';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';
import { version } from '../version.js';

export const initHelp = `Usage: tongwen init [PATH] [options]

Write a starter tongwen.config.json at the root of the book found under PATH
(default: the current folder): its contents file and grammar, the locale most
of its chapters are written in (none when it holds editions in two scripts:
each file's own is read), the slug flavour under which most of its
anchor links resolve, and the editions it holds (folders named for two
scripts side by side, such as source/zh-cn and source/zh-tw) as \`mirrors\`
of kind human (\`partial\` when the mirror has fewer than 80 % of the
source's files), so that \`check\` reports their drift.

Options:
      --print   print the configuration instead of writing it
      --force   overwrite an existing configuration
  -h, --help    show this help
`;

/** The locale most chapters of a book are in. */
function dominantLocale(book: Book): Locale {
  const counts = new Map<Locale, number>();
  for (const chapter of book.chapters.values()) {
    const locale = localeOf(chapter, chapter.path, { settings: { slug: 'github', ignore: [] } }, book.root);
    counts.set(locale, (counts.get(locale) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'zh-Hans';
}

/**
 * The slug flavour under which the fewest anchor links of the book are
 * missing: the grammar's own (`book`, loaded with it) unless another does better.
 */
function bestSlugFlavour(spec: BookSpec, book: Book, preferred: SlugFlavour): SlugFlavour {
  const [anchorRule] = activeRules({ preset: 'recommended', rules: {} }).filter((active) => active.rule.meta.id === 'link-missing-anchor');
  if (!anchorRule) return preferred;
  const missing = (slug: SlugFlavour, loaded = loadBook(spec, { slug })) => lintBook(loaded, { rules: [anchorRule], settings: { slug, ignore: [] } }).length;
  let best = preferred;
  let fewest = missing(preferred, book);
  for (const flavour of configSlugFlavours.filter((f) => f !== preferred)) {
    if (fewest === 0) break;
    const count = missing(flavour);
    if (count < fewest) [best, fewest] = [flavour, count];
  }
  return best;
}

/** Sibling folders of the book named for another locale (`../zh-tw` next to `zh-hans/`): candidate mirrors. */
function siblingLocaleFolders(root: string): string[] {
  const parent = path.dirname(root);
  if (!localeFromPath(path.basename(root))) return [];
  return subfolders(parent).filter((name) => name !== path.basename(root) && localeFromPath(name) !== undefined);
}

/** The starter configuration of a book; `editions`: those under its root, when the caller has found them already. */
export function starterConfig(spec: BookSpec, editions = findEditions(spec.root)): Config {
  const grammar = spec.grammar && spec.grammar !== 'auto' ? spec.grammar : 'auto';
  const preferred: SlugFlavour = grammar === 'mdbook' ? 'mdbook' : 'github';
  const book = loadBook(spec, { slug: preferred });
  return {
    $schema: `https://unpkg.com/tongwen@${version}/tongwen.config.schema.json`,
    ...(spec.contents ? { contents: spec.contents } : {}),
    grammar,
    // A book holding editions in two scripts has no one locale: each file's own (path, characters) is read.
    ...(editions.length > 0 ? {} : { locale: dominantLocale(book) }),
    slug: bestSlugFlavour(spec, book, preferred),
    preset: 'recommended',
    rules: {},
    ...(editions.length > 0 ? { mirrors: editions.map(editionSetting) } : {}),
  };
}

/** `tongwen init`: returns the exit code. */
export async function runInit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { print: { type: 'boolean', default: false }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    io.stdout.write(initHelp);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`Expected one PATH, got ${positionals.length}`);
  const target = path.resolve(io.cwd, positionals[0] ?? '.');
  if (!isFolder(target)) throw new UsageError(`No such folder: ${positionals[0] ?? '.'}`);
  const specs = discoverBooks(target);
  const spec = specs.find((s) => s.root === target) ?? specs[0];
  if (!spec) throw new UsageError(`No book found in ${positionals[0] ?? '.'}`);
  if (specs.length > 1) io.stderr.write(`tongwen: ${specs.length} books found; writing the configuration of ${path.relative(io.cwd, spec.root) || '.'}\n`);
  const editions = findEditions(spec.root);
  const config = starterConfig(spec, editions);
  for (const edition of editions) {
    const partial = edition.partial ? `, partial: ${edition.mirrorFiles} of ${edition.sourceFiles} files, missing pages not reported` : '';
    io.stderr.write(`tongwen: ${edition.mirror} paired as a ${edition.kind} mirror of ${edition.source}${partial}\n`);
  }
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (values.print) {
    io.stdout.write(text);
    return 0;
  }
  const existing = configNames.map((name) => path.join(spec.root, name)).find(isFile);
  if (existing && !values.force) {
    io.stderr.write(`tongwen: ${path.relative(io.cwd, existing)} exists; use --force to overwrite it\n`);
    return 2;
  }
  const file = path.join(spec.root, 'tongwen.config.json');
  writeFileAtomic(spec.root, 'tongwen.config.json', text);
  io.stderr.write(`tongwen: wrote ${path.relative(io.cwd, file)}\n`);
  const siblings = siblingLocaleFolders(spec.root);
  if (siblings.length > 0) io.stderr.write(`tongwen: sibling locale folders ${siblings.map((s) => `../${s}`).join(', ')} look like editions of this book\n`);
  return 0;
}
