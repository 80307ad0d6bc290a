import { parseLocale, type Locale } from './profiles.js';

/**
 * One glossary term: its form in each locale. A locale left out falls back
 * to `zh-Hant` for zh-TW and zh-HK; a direction whose source or target form
 * is missing does not use the entry. An entry with the same form everywhere
 * keeps the term as written.
 */
export type GlossaryEntry = Partial<Record<Locale, string>>;

/** A per-project term list, read with {@link parseGlossary}. */
export interface Glossary {
  entries: GlossaryEntry[];
}

/** A glossary file that cannot be read; `line` is 1-based when known. */
export class GlossaryError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'GlossaryError';
  }
}

/** Options of {@link parseGlossary}. */
export interface ParseGlossaryOptions {
  /** `json` or `text`. Default: `json` when the text starts with `{` or `[`, else `text`. */
  format?: 'json' | 'text';
}

const allLocales: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];

/**
 * Read a glossary.
 *
 * JSON: an array (or `{ "terms": [...] }`) whose items are either a string
 * (the term is kept as written in every direction, e.g. `"容器"`) or an
 * object mapping locales to forms, e.g.
 * `{ "zh-Hans": "镜像", "zh-TW": "映像", "zh-Hant": "鏡像" }`.
 *
 * Text: one term a line, `#` starts a comment. `容器` keeps the term;
 * `镜像 鏡像` gives the zh-Hans form and the Traditional form (all of
 * zh-Hant, zh-TW and zh-HK); `镜像 zh-TW=映像 zh-HK=鏡像` gives per-locale forms.
 *
 * The reverse direction uses the same entries inverted (target form → source form).
 * Throws {@link GlossaryError} naming the line or item.
 */
export function parseGlossary(text: string, options: ParseGlossaryOptions = {}): Glossary {
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? (/^\s*[[{]/.test(body) ? 'json' : 'text');
  return format === 'json' ? parseJson(body) : parseText(body);
}

function parseJson(text: string): Glossary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GlossaryError(`Invalid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { terms?: unknown }).terms) ? (data as { terms: unknown[] }).terms : undefined;
  if (!items) throw new GlossaryError('Unexpected glossary shape, expected an array of terms or `{ "terms": [...] }`');
  const entries = items.map((item, index): GlossaryEntry => {
    if (typeof item === 'string') return keep(item, `item ${index}`);
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new GlossaryError(`Unexpected glossary item ${index}, expected a string or an object of locale forms`);
    const entry: GlossaryEntry = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const locale = parseLocale(key);
      if (!locale) throw new GlossaryError(`Unexpected key \`${key}\` in glossary item ${index}, expected one of ${allLocales.join(', ')}`);
      if (typeof value !== 'string' || value === '') throw new GlossaryError(`Unexpected value for \`${key}\` in glossary item ${index}, expected a non-empty string`);
      entry[locale] = value;
    }
    if (Object.keys(entry).length === 0) throw new GlossaryError(`Empty glossary item ${index}`);
    if (Object.keys(entry).length === 1) return keep(Object.values(entry)[0]!, `item ${index}`);
    return entry;
  });
  return { entries };
}

function parseText(text: string): Glossary {
  const entries: GlossaryEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [term, ...rest] = line.split(/\s+/) as [string, ...string[]];
    if (rest.length === 0) {
      entries.push(keep(term, `line ${index + 1}`, index + 1));
      return;
    }
    const entry: GlossaryEntry = { 'zh-Hans': term };
    for (const token of rest) {
      const match = /^([A-Za-z_-]+)=(.+)$/.exec(token);
      if (!match) {
        if (entry['zh-Hant']) throw new GlossaryError(`Unexpected \`${token}\` on glossary line ${index + 1}, expected \`term\`, \`term traditional\` or \`term locale=form…\``, index + 1);
        entry['zh-Hant'] = token;
        continue;
      }
      const locale = parseLocale(match[1]!);
      if (!locale || locale === 'zh-Hans') throw new GlossaryError(`Unexpected locale \`${match[1]}\` on glossary line ${index + 1}, expected zh-Hant, zh-TW or zh-HK`, index + 1);
      entry[locale] = match[2]!;
    }
    entries.push(entry);
  });
  return { entries };
}

function keep(term: string, where: string, line?: number): GlossaryEntry {
  if (!term) throw new GlossaryError(`Empty term at ${where}`, line);
  return { 'zh-Hans': term, 'zh-Hant': term, 'zh-TW': term, 'zh-HK': term };
}

function formOf(entry: GlossaryEntry, locale: Locale): string | undefined {
  return entry[locale] ?? (locale === 'zh-TW' || locale === 'zh-HK' ? entry['zh-Hant'] : undefined);
}

/**
 * The `[source, target]` pairs a glossary gives for one direction. When two
 * entries share a source term, the first one wins.
 */
export function glossaryPairs(glossary: Glossary, from: Locale, to: Locale): Array<[string, string]> {
  const pairs = new Map<string, string>();
  for (const entry of glossary.entries) {
    const source = formOf(entry, from);
    const target = formOf(entry, to);
    if (source === undefined || target === undefined || pairs.has(source)) continue;
    pairs.set(source, target);
  }
  return [...pairs];
}
