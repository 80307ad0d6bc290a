import type { SlugFlavour } from './types.js';

/** Turns heading text into anchors; remembers what it made to number duplicates. */
export interface Slugger {
  readonly flavour: SlugFlavour;
  /**
   * The anchor of the next heading with this text, duplicates numbered the way
   * the flavour's platform numbers them:
   * - `github`: `-1`, `-2`…, skipping anchors already taken (github-slugger);
   * - `gitbook`: never numbered (HonKit/GitBook 3 give duplicates the same id);
   * - `vitepress`: `-1`, `-2`…, skipping anchors already taken (markdown-it-anchor);
   * - `mdbook` and `hexo`: `-1`, `-2`… counted per base anchor only, so `a`,
   *   `a`, `a-1` gives `a`, `a-1`, `a-1` as mdBook and hexo-renderer-marked do.
   */
  slug(text: string): string;
  /** Forget the anchors made so far (a new file). */
  reset(): void;
}

/**
 * GitHub keeps letters, marks, decimal and letter numbers (`\p{Nd}`, `\p{Nl}`,
 * not `\p{No}` such as `①`), connector punctuation, `-` and the ASCII space
 * (which becomes `-`). Everything else goes, full-width punctuation and U+3000
 * included.
 */
const githubStrip = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu;

/**
 * HonKit/GitBook 3 (`github-slugid`): removes a fixed list of ASCII and a few
 * typographic symbols; full-width punctuation and U+3000 stay.
 */
const gitbookStrip = /[[\]!"'#$%&()*+,./:;<=>?@\\^_`{|}~©∑®†“”‘’∂ƒ™℠…œŒ˚ºª•∆∞♥]+/g;

/** VitePress (`@mdit-vue/shared` slugify), applied after NFKD normalisation. */
const vitepressControl = /[\u0000-\u001f]/g;
const vitepressSpecial = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const vitepressCombining = /[\u0300-\u036f]/g;

/**
 * Hexo (`hexo-util` slugize as hexo-renderer-marked calls it, without
 * `modifyAnchors`): diacritics removed (NFD, combining marks dropped, the
 * letters that do not decompose spelt out), no lower-casing, full-width
 * punctuation kept.
 */
const hexoSpecial = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g;
const hexoLetters: Readonly<Record<string, string>> = {
  Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', ß: 's', Œ: 'OE', œ: 'oe', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Þ: 'TH', þ: 'th', Ħ: 'H', ħ: 'h', ı: 'i', Ŋ: 'N', ŋ: 'n', Ŧ: 'T', ŧ: 't',
};
const hexoLetter = new RegExp(`[${Object.keys(hexoLetters).join('')}]`, 'g');

/** mdBook (`normalize_id`): alphanumerics, `_` and `-` kept, whitespace to `-`. */
const mdbookStrip = /[^\p{Alphabetic}\p{N}_\-\p{White_Space}]/gu;

/** One heading text to its anchor under a flavour, without duplicate numbering. */
export function slugOf(text: string, flavour: SlugFlavour = 'github'): string {
  switch (flavour) {
    case 'gitbook': {
      const slug = text.replace(gitbookStrip, '').replace(/ /g, '-').replace(/-{2,}/g, '-').toLowerCase();
      return slug.startsWith('-') ? slug.slice(1) : slug;
    }
    case 'vitepress':
      return text
        .normalize('NFKD')
        .replace(vitepressCombining, '')
        .replace(vitepressControl, '')
        .replace(vitepressSpecial, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '')
        .replace(/^(\d)/, '_$1')
        .toLowerCase();
    case 'hexo':
      return text
        .normalize('NFD')
        .replace(vitepressCombining, '')
        .replace(hexoLetter, (letter) => hexoLetters[letter] ?? letter)
        .replace(vitepressControl, '').replace(hexoSpecial, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
    case 'mdbook':
      return text
        .trim()
        .replace(/^#+/, '')
        .trim()
        .replace(mdbookStrip, '')
        .replace(/\p{White_Space}/gu, '-')
        .toLowerCase();
    case 'github':
    default:
      return text.toLowerCase().replace(githubStrip, '').replace(/ /g, '-');
  }
}

/** A slugger for one file. */
export function createSlugger(flavour: SlugFlavour = 'github'): Slugger {
  // github: base -> last number used; vitepress: set of taken anchors;
  // mdbook: base -> how many times it was seen.
  const counts = new Map<string, number>();
  const taken = new Set<string>();
  const next = (base: string): string => {
    switch (flavour) {
      case 'gitbook':
        return base;
      case 'mdbook':
      case 'hexo': {
        const seen = counts.get(base) ?? 0;
        counts.set(base, seen + 1);
        return seen === 0 ? base : `${base}-${seen}`;
      }
      case 'vitepress': {
        let result = base;
        for (let i = 1; taken.has(result); i++) result = `${base}-${i}`;
        taken.add(result);
        return result;
      }
      case 'github':
      default: {
        let result = base;
        while (counts.has(result)) {
          const count = (counts.get(base) ?? 0) + 1;
          counts.set(base, count);
          result = `${base}-${count}`;
        }
        counts.set(result, 0);
        return result;
      }
    }
  };
  return {
    flavour,
    slug: (text) => next(slugOf(text, flavour)),
    reset() {
      counts.clear();
      taken.clear();
    },
  };
}
