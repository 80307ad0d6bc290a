import type { SlugFlavour } from './types.js';

/** Turns heading text into anchors; remembers what it made to number duplicates. */
export interface Slugger {
  readonly flavour: SlugFlavour;
  /** The anchor of the next heading with this text (duplicates get `-1`, `-2`… where the flavour does). */
  slug(text: string): string;
  /** Forget the anchors made so far (a new file). */
  reset(): void;
}

// GitHub keeps letters, marks, numbers, connector punctuation, `-` and the ASCII space (which becomes `-`).
const githubStrip = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** One heading text to its anchor under a flavour, without duplicate numbering. */
export function slugOf(text: string, flavour: SlugFlavour = 'github'): string {
  switch (flavour) {
    case 'github':
    default:
      return text.toLowerCase().replace(githubStrip, '').replace(/ /g, '-');
  }
}

/** A slugger for one file. */
export function createSlugger(flavour: SlugFlavour = 'github'): Slugger {
  const seen = new Map<string, number>();
  return {
    flavour,
    slug(text) {
      const base = slugOf(text, flavour);
      let result = base;
      let count = seen.get(base) ?? 0;
      if (seen.has(base)) {
        do {
          count++;
          result = `${base}-${count}`;
        } while (seen.has(result));
      }
      seen.set(base, count);
      seen.set(result, seen.get(result) ?? 0);
      return result;
    },
    reset() {
      seen.clear();
    },
  };
}
