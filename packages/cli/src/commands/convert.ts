import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugFlavours, type SlugFlavour } from '@tongwen/book';
import { codeModes, configFor, defaultProfile, defaultQuoteStyle, profiles, type Profile, GlossaryError, parseGlossary, parseLocale, UnsupportedDirectionError, type CodeMode, type OpenccConfig, type QuoteStyle } from '@tongwen/convert';
import { isFile, isFolder, readFileText, realPath } from '@tongwen/workspace';
import { convertFolder, type ConvertRun } from '../convert/run.js';
import { manifestName, readManifest } from '../convert/manifest.js';
import { chooseOptions, recordedMeta, recordedOptions, quoteStyles, slugNote } from '../convert/recorded.js';
import { bookSite } from '../convert/site.js';
import { sayWhenInterrupted } from '../convert/interrupt.js';
import { reportTargets } from '../report/outputs.js';
import type { Io } from '../io.js';

/** Usage of `tongwen convert`. */
export const convertHelp = `Usage: tongwen convert SRC --to zh-Hant|zh-TW|zh-HK|zh-Hans [options]

Convert every Markdown file of the book folder SRC (the contents list too)
between Simplified and Traditional Chinese, prose only: code, URLs, HTML
tags, reference labels and heading ids stay byte-identical, and links follow
headings whose anchors change. Other files are copied byte for byte.

Options:
  --to LOCALE         zh-Hant (OpenCC s2t), zh-TW (tongwen's s2twt, see
                      --profile), zh-HK (s2hk), zh-Hans
  --from LOCALE       the source's locale (default zh-Hans; zh-Hant, zh-TW or
                      zh-HK with --to zh-Hans)
  --profile tech      zh-TW technical writing (default for zh-Hans to zh-TW):
                      OpenCC's Taiwan phrases corrected for software (s2twt;
                      檔案, 預設, 權限, 腳本, 範例, 目前…)
  --profile phrases   regional phrases as OpenCC has them (s2twp, s2hkp, tw2sp,
                      hk2sp)
  --profile characters  characters and variants only, no word changes (s2tw;
                      default for the other directions)
  --out DIR           write the converted book to DIR (incremental: a manifest
                      .tongwen-convert.json in DIR records input hashes)
  --in-place          convert SRC itself
  --check             write nothing; list on stdout the files of DIR that differ
                      from a fresh conversion, exit 1 if any
                      (--profile, --quotes, --code and --slug not given: as
                      DIR's manifest recorded them, also when converting again)
  --glossary FILE     a term list (JSON or text; see the docs) applied with
                      OpenCC's segmentation intact
  --slug FLAVOUR      anchor flavour: github, gitbook, vitepress, mdbook, hexo
                      (default: the configuration's, else the detected site
                      dialect's, else github)
  --code MODE         Chinese in code that readers read: none (default: code
                      stays byte-identical), placeholders ({{…}} of inline
                      code), comments (comments of fenced blocks, by language),
                      all (both); never keywords, identifiers, strings or paths
  --review           also report what a human should look at: characters with
                      several Traditional forms that no phrase decides (干, 发),
                      Taiwan phrases of words with several senses (程序 → 程式),
                      names (范, 余); the list goes to stdout as a report
  --format NAME[:FILE]  format of the --review report: stylish (default), json,
                      sarif, junit, github, markdown, rdjson, html (repeatable)
  --quotes STYLE      quotation marks of the output: corner 「」 (default for zh-Hant,
                      zh-TW, zh-HK), curly “” (default for zh-Hans), or keep
  --jobs N            threads, this one included (default: 1 on 1-2 cores,
                      with the converter on a thread of its own on 2 cores for
                      256 K characters or more to convert; else min(cores, 4)
                      for 256 K characters or more; --jobs 1: this thread alone)
  -h, --help          this help

Exit codes: 0 done / up to date, 1 --check found stale files, 2 usage,
configuration or I/O failure.
`;


/** Bumped when a change of the converter changes its output: older manifests are then ignored (2: quotes follow the locale; anchors followed through `x.html` links; 3: word-aware phrases; 4: sense cues, compound words split). */
const engineVersion = 'tongwen-convert/4 opencc-js/1.4.2 jieba';

class ConvertUsageError extends Error {}

/**
 * `tongwen convert SRC --to L [--profile phrases] [--out DIR | --in-place]
 * [--check] [--glossary FILE] [--jobs N]`. Returns the exit code (0 ok, 1
 * `--check` found stale files, 2 usage, configuration or I/O failure);
 * messages go to `io.stderr`, the `--check` list to `io.stdout`. Never
 * throws for bad input and never calls `process.exit`.
 */
export async function runConvert(args: string[], io: Io): Promise<number> {
  let run: ConvertRun | undefined;
  try {
    run = await resolveRun(args, io);
  } catch (error) {
    if (error instanceof ConvertUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`tongwen convert: ${(error as Error).message}\nRun \`tongwen convert --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`tongwen convert: ${(error as Error).message}\n`);
    return 2;
  }
  if (!run) {
    io.stdout.write(convertHelp);
    return 0;
  }
  const interrupt = run.check ? undefined : sayWhenInterrupted(io, path.relative(io.cwd, run.out) || '.');
  try {
    return await convertFolder(run, io, interrupt);
  } catch (error) {
    io.stderr.write(`tongwen convert: ${(error as Error).message}\n`);
    if (io.env.TONGWEN_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  } finally {
    interrupt?.unhook();
  }
}

async function resolveRun(args: string[], io: Io): Promise<ConvertRun | undefined> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      'in-place': { type: 'boolean' },
      check: { type: 'boolean' },
      glossary: { type: 'string' },
      slug: { type: 'string' },
      quotes: { type: 'string' },
      code: { type: 'string' },
      review: { type: 'boolean' },
      format: { type: 'string', multiple: true },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  if (positionals.length !== 1) throw new ConvertUsageError(positionals.length === 0 ? 'Missing SRC, expected the book folder to convert' : `Unexpected \`${positionals[1]}\`, expected one SRC folder`);
  if (!values.to) throw new ConvertUsageError('Missing `--to`, expected zh-Hant, zh-TW, zh-HK or zh-Hans');
  const to = parseLocale(values.to);
  if (!to) throw new ConvertUsageError(`Unexpected \`--to ${values.to}\`, expected zh-Hant, zh-TW, zh-HK or zh-Hans`);
  const from = values.from === undefined ? (to === 'zh-Hans' ? undefined : 'zh-Hans') : parseLocale(values.from);
  if (values.from !== undefined && !from) throw new ConvertUsageError(`Unexpected \`--from ${values.from}\`, expected zh-Hans, zh-Hant, zh-TW or zh-HK`);
  if (!from) throw new ConvertUsageError('Missing `--from` with `--to zh-Hans`, expected zh-Hant, zh-TW or zh-HK');
  if (values.profile !== undefined && !profiles.includes(values.profile as Profile)) throw new ConvertUsageError(`Unexpected \`--profile ${values.profile}\`, expected \`characters\`, \`phrases\` or \`tech\``);
  if (values.profile === 'tech' && (from !== 'zh-Hans' || to !== 'zh-TW')) throw new ConvertUsageError('Unexpected `--profile tech`, expected it with `--to zh-TW` from zh-Hans');
  if (values.slug !== undefined && !slugFlavours.includes(values.slug as SlugFlavour)) throw new ConvertUsageError(`Unexpected \`--slug ${values.slug}\`, expected ${slugFlavours.join(', ')}`);
  if (values.quotes !== undefined && !(quoteStyles as readonly string[]).includes(values.quotes)) throw new ConvertUsageError(`Unexpected \`--quotes ${values.quotes}\`, expected ${quoteStyles.join(', ')}`);
  if (values.code !== undefined && !codeModes.includes(values.code as CodeMode)) throw new ConvertUsageError(`Unexpected \`--code ${values.code}\`, expected ${codeModes.join(', ')}`);
  // Options not given are the ones the output folder's manifest recorded (a change of default does not make a mirror stale), else today's defaults.
  const manifest = values.out !== undefined && !values['in-place'] ? readManifest(path.resolve(io.cwd, values.out)) : undefined;
  const given = { ...(values.profile ? { profile: values.profile as Profile } : {}), ...(values.quotes ? { quotes: values.quotes as QuoteStyle | 'keep' } : {}), ...(values.code ? { code: values.code as CodeMode } : {}), ...(values.slug ? { slug: values.slug as SlugFlavour } : {}) };
  const defaults = { profile: defaultProfile(from, to), quotes: defaultQuoteStyle(to), code: 'none' as const };
  const chosen = chooseOptions(given, recordedOptions(manifest?.data.meta, from, to), defaults);
  const profile = chosen.profile;
  let config: OpenccConfig;
  try {
    config = configFor({ from, to, phrases: profile === 'phrases', tech: profile === 'tech' });
  } catch (error) {
    if (error instanceof UnsupportedDirectionError) throw new ConvertUsageError(error.message);
    throw error;
  }
  if (values.out !== undefined && values['in-place']) throw new ConvertUsageError('Unexpected `--out` with `--in-place`, expected one of them');
  if (values.out === undefined && !values['in-place']) throw new ConvertUsageError('Missing `--out DIR` or `--in-place`');
  if (values.check && values['in-place']) throw new ConvertUsageError('Unexpected `--check` with `--in-place`, expected `--check --out DIR`');
  const quotes: QuoteStyle | undefined = chosen.quotes === 'keep' ? undefined : chosen.quotes;
  const code = chosen.code;
  if (values.review && values.check) throw new ConvertUsageError('Unexpected `--review` with `--check`, expected `--review` on a conversion');
  if (values.format && !values.review) throw new ConvertUsageError('Unexpected `--format` without `--review`, expected `--review --format NAME`');
  let review: ConvertRun['review'];
  try {
    review = values.review ? await reportTargets(values.format ?? [], undefined) : undefined;
  } catch (error) {
    throw new ConvertUsageError((error as Error).message);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || jobs < 1) throw new ConvertUsageError(`Unexpected \`--jobs ${values.jobs}\`, expected a whole number of at least 1`);
  }

  const src = path.resolve(io.cwd, positionals[0]!);
  if (!isFolder(src)) throw new Error(`${positionals[0]}: ${isFile(src) ? 'not a folder' : 'no such folder'}`);
  // The anchors and site-absolute links as `tongwen check` reads them (configuration, else the detected dialect); `--slug` (or the manifest's) wins.
  const book = bookSite(src);
  const slug = chosen.slug ?? book.slug;
  const inherited = [...chosen.inherited, ...slugNote(chosen, given, book.slug)];
  const out = values['in-place'] ? src : path.resolve(io.cwd, values.out!);
  if (!values['in-place'] && sameFolder(out, src)) throw new ConvertUsageError('Unexpected `--out` that is SRC (after resolving links), expected `--in-place`');

  let glossary: ConvertRun['glossary'];
  if (values.glossary !== undefined) {
    const file = path.resolve(io.cwd, values.glossary);
    const read = readFileText(file);
    if ('error' in read) throw new Error(`${values.glossary}: cannot read the glossary: ${read.error}`);
    const text = read.text;
    const format = /\.json$/i.test(file) ? 'json' : /\.(txt|text)$/i.test(file) ? 'text' : undefined;
    try {
      parseGlossary(text, format ? { format } : {});
    } catch (error) {
      if (error instanceof GlossaryError) throw new Error(`${values.glossary}: ${error.message}`);
      throw error;
    }
    glossary = { file, text, ...(format ? { format } : {}) };
  }

  return {
    src,
    out,
    inPlace: values['in-place'] === true,
    check: values.check === true,
    config,
    slug,
    ...(book.site ? { site: book.site } : {}),
    ...(quotes ? { quotes } : {}),
    ...(glossary ? { glossary } : {}),
    ...(code !== 'none' ? { code } : {}),
    ...(review ? { review } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    engine: engineVersion,
    record: recordedMeta({ from, to, profile, quotes: chosen.quotes, code, ...(chosen.slug ? { slug: chosen.slug } : {}) }),
    ...(inherited.length > 0 ? { inherited: `${inherited.join(', ')} as recorded in ${path.relative(io.cwd, path.join(out, manifestName))}` } : {}),
  };
}

/** Whether two folders are the same once symbolic links are resolved (a missing `out` is not `src`). */
function sameFolder(out: string, src: string): boolean {
  return out === src || (realPath(out) !== undefined && realPath(out) === realPath(src));
}

