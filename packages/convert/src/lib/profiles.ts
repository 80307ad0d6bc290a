// The locale module alone: the engine (and a converter's start-up) does not load the Markdown parser.
import { locales, parseLocale, type Locale } from '@tongwen/book/locale';

export { locales, parseLocale, type Locale };

/**
 * OpenCC configuration names (the file names of OpenCC's `*.json` configs),
 * all of which opencc-js 1.4.2 ships: `s2t` = Simplified to Traditional
 * (OpenCC standard), `s2tw` = to Taiwan variants, `s2twp` = to Taiwan
 * variants and phrases, `s2hk`/`s2hkp` = Hong Kong, and the reverse ones.
 */
export type OpenccConfig =
  | 's2t' | 't2s'
  | 's2twt'
  | 's2tw' | 'tw2s' | 's2twp' | 'tw2sp'
  | 's2hk' | 'hk2s' | 's2hkp' | 'hk2sp'
  | 't2tw' | 'tw2t' | 't2hk' | 'hk2t'
  | 't2jp' | 'jp2t';

/** Every OpenCC configuration ({@link OpenccConfig} but tongwen's own `s2twt`). */
export const openccConfigs: readonly OpenccConfig[] = [
  's2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s', 's2hkp', 'hk2sp', 't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t',
];

/** A conversion asked for by a user: from one locale to another. */
export interface Direction {
  from: Locale;
  to: Locale;
  /**
   * zh-Hans → zh-TW only: OpenCC's Taiwan phrases corrected and completed
   * for technical writing (`s2twt`, see `taiwanTechPhrases`). Takes
   * precedence over `phrases`. Default `false`.
   */
  tech?: boolean;
  /**
   * Also convert regional phrases (软件 → 軟體 for zh-TW, `s2twp`; `s2hkp` for
   * zh-HK; `tw2sp`/`hk2sp` back). Only meaningful when one side is zh-TW or
   * zh-HK and the other zh-Hans. Default `false`.
   */
  phrases?: boolean;
}

/**
 * What a conversion changes besides the script: `characters` (OpenCC's
 * characters and regional variants only: s2t, s2tw, s2hk and back),
 * `phrases` (regional phrases too: s2twp, s2hkp, tw2sp, hk2sp), `tech`
 * (zh-Hans → zh-TW technical writing: s2twt).
 */
export type Profile = 'characters' | 'phrases' | 'tech';

/** Every {@link Profile}. */
export const profiles: readonly Profile[] = ['characters', 'phrases', 'tech'];

/**
 * The profile of a conversion that asks for none: `tech` from zh-Hans to
 * zh-TW, else `characters`. Measured on the human zh-TW editions of
 * ../shared/corpus (`node scripts/agreement.mjs`: CJK characters of
 * comparable lines that the conversion reproduces): hexo 73.88 % (s2tw),
 * 85.88 % (s2twp), 88.17 % (s2twt); tldr 79.19 %, 93.72 %, 94.11 %. Taiwan
 * readers read 檔案, 預設, 程式 where zh-Hans writes 文件, 默认, 程序: a
 * character-only zh-TW edition misses one Chinese character in five that a
 * human translator writes, and the tech profile misses the fewest.
 */
export function defaultProfile(from: Locale, to: Locale): Profile {
  return from === 'zh-Hans' && to === 'zh-TW' ? 'tech' : 'characters';
}

/** Thrown for a direction OpenCC has no configuration for (e.g. zh-TW → zh-HK). */
export class UnsupportedDirectionError extends Error {
  constructor(readonly direction: Direction) {
    super(`No conversion from \`${direction.from}\` to \`${direction.to}\`${direction.phrases ? ' with phrases' : ''}: expected zh-Hans to or from zh-Hant, zh-TW or zh-HK`);
    this.name = 'UnsupportedDirectionError';
  }
}

const table: Record<string, OpenccConfig> = {
  'zh-Hans>zh-Hant': 's2t',
  'zh-Hans>zh-TW': 's2tw',
  'zh-Hans>zh-TW+': 's2twp',
  'zh-Hans>zh-TW#': 's2twt',
  'zh-Hans>zh-HK': 's2hk',
  'zh-Hans>zh-HK+': 's2hkp',
  'zh-Hant>zh-Hans': 't2s',
  'zh-TW>zh-Hans': 'tw2s',
  'zh-TW>zh-Hans+': 'tw2sp',
  'zh-HK>zh-Hans': 'hk2s',
  'zh-HK>zh-Hans+': 'hk2sp',
  'zh-Hant>zh-TW': 't2tw',
  'zh-TW>zh-Hant': 'tw2t',
  'zh-Hant>zh-HK': 't2hk',
  'zh-HK>zh-Hant': 'hk2t',
};

/**
 * The OpenCC configuration for a direction: zh-Hans → zh-Hant `s2t`, → zh-TW
 * `s2tw` (`s2twp` with phrases, tongwen's `s2twt` with `tech`), → zh-HK `s2hk` (`s2hkp`), and back `t2s`,
 * `tw2s` (`tw2sp`), `hk2s` (`hk2sp`); between Traditional forms `t2tw`,
 * `tw2t`, `t2hk`, `hk2t`. Throws {@link UnsupportedDirectionError} otherwise.
 */
export function configFor(direction: Direction): OpenccConfig {
  const regional = direction.from === 'zh-TW' || direction.from === 'zh-HK' || direction.to === 'zh-TW' || direction.to === 'zh-HK';
  const key = `${direction.from}>${direction.to}${direction.tech ? '#' : direction.phrases && regional ? '+' : ''}`;
  const config = table[key];
  if (!config) throw new UnsupportedDirectionError(direction);
  return config;
}

/** The locales a configuration converts between (`undefined` for the Japanese ones). */
export function localesOf(config: OpenccConfig): { from: Locale; to: Locale } | undefined {
  for (const [key, value] of Object.entries(table)) {
    if (value !== config) continue;
    const [from, to] = key.replace(/[+#]/, '').split('>') as [Locale, Locale];
    return { from, to };
  }
  return undefined;
}

/**
 * Whether the word-aware converter of `config` has a document mode
 * (`TextConverter.forDocument`, see `script.ts`): the configurations with
 * OpenCC's Taiwan phrase stage, s2twp and tongwen's s2twt. A caller that
 * plans chapters without the converter at hand (`convert`'s engine thread)
 * keeps their prose for these only. It is the one definition of "has a
 * phrase stage": the compiled plans are checked against it when built
 * (a stage with sense cues exactly here), and the engine and the compiled
 * script evidence ask it. A test holds it to the converters.
 */
export function hasDocumentMode(config: OpenccConfig): boolean {
  return config === 's2twp' || config === 's2twt';
}
