import { siteCandidates, targetCandidates, type SiteOptions } from '@tongwen/book';

/** Where the links of a converted book lead (see {@link linkedChapter}). */
export interface LinkTargets {
  /** The chapters of the book (paths from the book root): a link opens the first candidate that is one. Without it, the first candidate whose anchors change is taken. */
  chapters?: { has(path: string): boolean };
  /** How the site serves the book, for site-absolute links (`/zh-cn/docs/x#a`): static folders, site base; see `siteCandidates`. */
  site?: SiteOptions;
}

/** A link of a chapter, as {@link linkedChapter} reads it. */
export interface LinkRef {
  /** The link's path from the book root (`/`-separated, decoded); for a site-absolute link, without its leading `/`. */
  target: string;
  /** Written site-absolute (`/docs/x`): served by the site, maybe under a locale segment or a site base. */
  site?: boolean;
}

/**
 * The files a link of chapter `from` may open, in order: its target as
 * written (`x`, `x.html` and `x.md` open `x.md`, see `targetCandidates`);
 * for a site-absolute link then each place the site may serve it from
 * (locale segment and site base removed, each folder above the chapter as
 * the source root, static folders: see `siteCandidates`), the same way the
 * check resolves it.
 */
export function linkCandidates(ref: LinkRef, from: string, site: SiteOptions = {}): string[] {
  const paths = ref.site ? [ref.target, ...siteCandidates(from, ref.target, site)] : [ref.target];
  return paths.flatMap((path) => targetCandidates(path));
}

/**
 * The chapter a link of chapter `from` opens: the first of
 * {@link linkCandidates} that is a chapter of `targets.chapters`; without a
 * chapter list, the first for which `known` says yes (e.g. a chapter whose
 * anchors change). Undefined when none.
 */
export function linkedChapter(ref: LinkRef, from: string, targets: LinkTargets, known: (path: string) => boolean = () => false): string | undefined {
  const candidates = linkCandidates(ref, from, targets.site);
  const chapters = targets.chapters;
  return chapters ? candidates.find((path) => chapters.has(path)) : candidates.find(known);
}
