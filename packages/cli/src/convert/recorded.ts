import { slugFlavours, type Locale, type SlugFlavour } from '@tongwen/book';
import { codeModes, profiles, type CodeMode, type Profile, type QuoteStyle } from '@tongwen/convert';

/**
 * The options of a conversion that its manifest records (in the store's
 * `meta`), so that a later run into the same folder without them — `--check`
 * in CI, a re-conversion — is the same conversion, whatever the defaults of
 * the tool are by then. Flags given on the command line always win.
 */
export interface RecordedOptions {
  from: Locale;
  to: Locale;
  profile: Profile;
  /** `keep`: quotation marks as written. */
  quotes: QuoteStyle | 'keep';
  code: CodeMode;
  /** Only when it was chosen (`--slug`, or recorded before): otherwise the book's configuration or dialect decides, as `check` reads it. */
  slug?: SlugFlavour;
}

/** The options as the manifest's `meta` keeps them (strings, keys sorted by the store). */
export function recordedMeta(options: RecordedOptions): Record<string, string> {
  return { from: options.from, to: options.to, profile: options.profile, quotes: options.quotes, code: options.code, ...(options.slug ? { slug: options.slug } : {}) };
}

/** The values of `--quotes` (and of the manifest's `quotes`). */
export const quoteStyles: ReadonlyArray<QuoteStyle | 'keep'> = ['curly', 'corner', 'keep'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * The options a manifest recorded for the conversion `from` → `to`, each
 * checked as untrusted input (a value that is not one the command accepts is
 * ignored, so today's default applies). A manifest of another direction, or
 * of a version of the tool that recorded none, gives nothing: its options are
 * not this conversion's.
 */
export function recordedOptions(meta: Readonly<Record<string, string>> | undefined, from: Locale, to: Locale): Partial<Omit<RecordedOptions, 'from' | 'to'>> {
  if (!meta || meta.from !== from || meta.to !== to) return {};
  const profile = oneOf(meta.profile, profiles);
  const quotes = oneOf(meta.quotes, quoteStyles);
  const code = oneOf(meta.code, codeModes);
  const slug = oneOf(meta.slug, slugFlavours);
  // `tech` is zh-Hans → zh-TW only (as `--profile tech` is).
  const usable = profile !== undefined && (profile !== 'tech' || (from === 'zh-Hans' && to === 'zh-TW'));
  return { ...(usable ? { profile } : {}), ...(quotes ? { quotes } : {}), ...(code ? { code } : {}), ...(slug ? { slug } : {}) };
}

/** What a run chooses: each option from its flag, else from the manifest, else today's default. */
export interface ChosenOptions {
  profile: Profile;
  quotes: QuoteStyle | 'keep';
  code: CodeMode;
  /** Chosen by `--slug` or the manifest; absent: the book's own (configuration, else dialect). */
  slug?: SlugFlavour;
  /** The options taken from the manifest that today's defaults would have chosen otherwise, as flags (`--profile phrases`), for the log (the slug: see {@link slugNote}). */
  inherited: string[];
}

/** The slug as a flag for the log when it came from the manifest and differs from the book's own. */
export function slugNote(chosen: ChosenOptions, given: Choice, bookSlug: SlugFlavour): string[] {
  return given.slug === undefined && chosen.slug !== undefined && chosen.slug !== bookSlug ? [`\`--slug ${chosen.slug}\``] : [];
}

type Choice = Partial<Omit<RecordedOptions, 'from' | 'to'>>;
type Defaults = Omit<RecordedOptions, 'from' | 'to' | 'slug'>;

/** Each option from its flag (`given`), else as `recorded`, else its default (the slug's: the book's, decided by the caller). */
export function chooseOptions(given: Choice, recorded: Choice, defaults: Defaults): ChosenOptions {
  const inherited: string[] = [];
  const pick = <K extends 'profile' | 'quotes' | 'code'>(key: K): Defaults[K] => {
    if (given[key] !== undefined) return given[key];
    const value = recorded[key];
    if (value === undefined) return defaults[key];
    if (value !== defaults[key]) inherited.push(`\`--${key} ${value}\``);
    return value;
  };
  const profile = pick('profile');
  const quotes = pick('quotes');
  const code = pick('code');
  const slug = given.slug ?? recorded.slug;
  return { profile, quotes, code, ...(slug ? { slug } : {}), inherited };
}
