import type { Book, Chapter, Dialect, Edit, FindingCause, Locale, Severity, SlugFlavour } from '@tongwen/book';
import type { Node } from 'unist';

export { locales, type Locale } from '@tongwen/book';

/** Rule families: the folder a rule lives in. */
export type RuleFamily = 'typography' | 'script' | 'structure' | 'mirror';

/** Convention presets: `recommended` with the options of a published style guide (see `conventions.ts`). */
export type ConventionName = 'copywriting' | 'mdn-zh-cn' | 'vue-zh-cn' | 'moe-tw' | 'autospace';

/** Preset names. */
export type PresetName = 'recommended' | 'zh-hans' | 'zh-hant' | 'zh-tw' | 'zh-hk' | ConventionName;

/** Every preset: what a rule that is right for every book lists in its `presets`. */
export const everyPreset: readonly PresetName[] = ['recommended', 'zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'];

/** One option of a rule: its type, default and documentation, in one place. */
export interface RuleOption {
  type: 'boolean' | 'number' | 'string' | 'string[]' | 'record';
  default: unknown;
  description: string;
  /** Allowed values for `string` options. */
  enum?: readonly string[];
}

/** Static facts about a rule; the docs and option validation are generated from it. */
export interface RuleMeta {
  /** Kebab-case id: also the file name, the docs file and the test file name. */
  id: string;
  family: RuleFamily;
  /** `chapter` rules read one tree; `book` rules read the whole book. */
  scope: 'chapter' | 'book';
  /** One line, no final full stop. */
  description: string;
  fixable: boolean;
  /** Severity when enabled without one. */
  severity: Severity;
  /** Presets that turn the rule on. `recommended` is the default preset. */
  presets: readonly PresetName[];
  options: Readonly<Record<string, RuleOption>>;
  /**
   * What the rule's fixes may change in the tree besides text, for fix
   * verification (`lib/verify.ts`): `heading` (a paragraph becomes a
   * heading), `emphasis` (emphasis or strong appears), `url` (a link's or
   * image's target changes), `link` (a link or image appears). Default none.
   */
  fixChanges?: readonly FixChange[];
}

/** A change of tree shape a fix may make on purpose (see {@link RuleMeta.fixChanges}). */
export type FixChange = 'heading' | 'emphasis' | 'url' | 'link';

/** Book-level settings every rule may read (from the configuration). */
export interface Settings {
  /** Slug flavour of heading anchors. */
  slug: SlugFlavour;
  /** Locale of every chapter of the book (configuration `locale`): over front matter and paths. */
  locale?: Locale;
  /** Locale the preset implies (`zh-tw` → zh-TW): used when neither front matter nor the path says. */
  presetLocale?: Locale;
  /** `owner/repo` whose absolute GitHub URLs are checked as local files. */
  repository?: string;
  /** Globs (from the book root) of files that need not be in the contents list. */
  ignore: readonly string[];
  /** The site tool the book is written for (configuration `dialect`, else detected from the project's files). */
  dialect?: Dialect;
  /** Folders served at the site root (`/images/x.png` is `public/images/x.png`), from the book root or a folder above the chapter. Default: the dialect's (`public`, `static`). */
  publicDirs?: readonly string[];
  /** The path the site is served under (`/docs/`): stripped from site-absolute links before they are resolved. */
  siteBase?: string;
  /** Editions kept in step with a source edition (configuration `mirrors`): what the `mirror-…` rules compare. */
  mirrors?: readonly MirrorSetting[];
}

/**
 * A mirror: a folder of the book that is an edition of another folder.
 * `human`: translated or edited by hand, checked by the `mirror-…` rules;
 * `generated`: made by `tongwen convert`, checked by `convert --check`.
 */
export interface MirrorSetting {
  /** Source folder, from the book root, `/`-separated (`zh-hans`, `source/zh-cn`). */
  source: string;
  /** Mirror folder, from the book root. */
  mirror: string;
  kind: 'human' | 'generated';
  /** `generated` only: the conversion's `--profile` (default: the direction's, `tech` for zh-TW). */
  profile?: 'characters' | 'phrases' | 'tech';
  /** `human` only: the mirror translates some of the source's pages by design, so a source page without a mirror is not reported. Default false. */
  partial?: boolean;
}

/**
 * What the source of one mirror file looked like when the mirror was last
 * brought in step (read by `@tongwen/linter` from a stamp or from git; rules
 * read no files): the hashes of its sections, see `sectionsOf`.
 */
export interface MirrorBasis {
  /** `stamp`: recorded by `tongwen mirror stamp`; `git`: the source at the mirror file's last commit. */
  kind: 'stamp' | 'git';
  /** Source path (from the book root) at that time: differs when the source moved since. */
  source: string;
  /** Hashes of the source's sections then, in order. */
  sections: readonly string[];
  /** `git`: the mirror file's last commit (short hash). */
  commit?: string;
  /** `git`: commits that changed the source since, newest first (`short-hash subject`). */
  commits?: readonly string[];
}

/** The basis of each mirror file (key: mirror path from the book root). */
export type MirrorHistory = ReadonlyMap<string, MirrorBasis>;

/**
 * A file of a `generated` mirror that is not what `tongwen convert` wrote
 * from its source (read by `@tongwen/linter` from the mirror's
 * `.tongwen-convert.json` and the files' hashes): `source-changed` since the
 * conversion, output `hand-edited`, a source file `missing` its output, an
 * `extra` file without a source. Paths from the book root.
 */
export interface MirrorDrift {
  state: 'source-changed' | 'hand-edited' | 'missing' | 'extra';
  /** The source file (for `extra`: the path it would have). */
  source: string;
  /** The mirror file (for `missing`: the path it should have). */
  mirror: string;
}

/**
 * A place to keep things built once per run (e.g. opencc converters).
 * Passed down, never module-level, so runs can happen concurrently.
 */
export interface RunCache {
  memo<T>(key: string, create: () => T): T;
}

/** What a rule reports. Positions are 0-based UTF-16 offsets into the chapter source. */
export interface Report {
  message: string;
  /** Start offset; or give `node`. */
  start?: number;
  /** End offset (exclusive); defaults to `start`. */
  end?: number;
  /** A node whose position is the range. Ignored when `start` is given. */
  node?: Node;
  /** Overrides the configured severity (e.g. `warning` for an uncertain case). */
  severity?: Severity;
  /** Edits on this file's source that fix the finding. */
  fix?: Edit[];
  cause?: FindingCause;
}

/** What a book rule reports: a report in a given file (a chapter, the contents list, any path). */
export interface BookReport extends Report {
  /** Path from the book root, `/`-separated. */
  file: string;
}

/** The context of a chapter rule. */
export interface ChapterContext<Options = Record<string, unknown>> {
  chapter: Chapter;
  /** The whole book, when the chapter is checked as part of one. */
  book?: Book;
  /** Options merged over the defaults of the rule's meta. */
  options: Options;
  /** Locale of this file. */
  locale: Locale;
  settings: Settings;
  cache: RunCache;
  report(report: Report): void;
}

/** The context of a book rule. */
export interface BookContext<Options = Record<string, unknown>> {
  book: Book;
  options: Options;
  settings: Settings;
  cache: RunCache;
  /** Locale of a file of the book. */
  localeOf(path: string): Locale;
  /** History of the mirror files (stamps, git), when the run read it. */
  mirrorHistory?: MirrorHistory;
  /** The files of `generated` mirrors that drifted from their conversion, when the run read them. */
  mirrorDrift?: readonly MirrorDrift[];
  report(report: BookReport): void;
}

/** A rule that reads one chapter's tree. */
export interface ChapterRule<Options = Record<string, unknown>> {
  meta: RuleMeta & { scope: 'chapter' };
  check(context: ChapterContext<Options>): void;
}

/** A rule that reads the whole book. */
export interface BookRule<Options = Record<string, unknown>> {
  meta: RuleMeta & { scope: 'book' };
  check(context: BookContext<Options>): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = ChapterRule<any> | BookRule<any>;
