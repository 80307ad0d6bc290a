import type { Root } from 'mdast';
// The node types of math (`math`, `inlineMath`) and front matter (`toml`), for every package that reads trees.
export type {} from 'mdast-util-frontmatter';
export type {} from 'mdast-util-math';

/**
 * One position model everywhere:
 * - `offset` is 0-based, in UTF-16 code units, into the chapter source
 *   (the text after any byte-order mark was removed);
 * - `line` and `column` are 1-based; `column` counts UTF-16 code units.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range `[start, end)` of the source. */
export interface Range {
  start: Point;
  end: Point;
}

/**
 * A replacement of the source range `[start, end)` (0-based UTF-16 offsets)
 * by `text`. Every fix and every conversion is a list of these, applied by
 * {@link applyEdits}.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A related place, e.g. the contents entry behind a dead chapter link. */
export interface FindingCause {
  /** Path from the book root, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message?: string;
}

/** One problem found by a rule. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Path from the book root, `/`-separated. */
  file: string;
  /** 1-based line of the start. */
  line: number;
  /** 1-based column of the start (UTF-16 code units). */
  column: number;
  /** 1-based line of the end (exclusive end point). */
  endLine: number;
  /** 1-based column of the end (exclusive end point). */
  endColumn: number;
  /** 0-based UTF-16 offset of the start, when known. */
  offset?: number;
  /** 0-based UTF-16 offset of the end, when known. */
  endOffset?: number;
  message: string;
  cause?: FindingCause;
  /** Edits on the file's source that fix the finding. */
  fix?: Edit[];
  /** Stable identity: rule, file and normalised text around the finding. */
  fingerprint?: string;
}

/** A heading of a chapter. */
export interface HeadingFact {
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** Plain text of the heading as sites slug it: the text content of inline HTML kept, tags and a custom id (`{#id}`, `{/*id*\/}`) removed. */
  text: string;
  /** Anchor under the book's slug flavour (GitHub by default), duplicates numbered. */
  slug: string;
  /** Custom id written at the end of the heading (`{#id}`, `{#id .class}`, `{/*id*\/}`), if any. */
  id?: string;
  /** True for a heading inside a block quote: not part of the chapter's outline. */
  quoted?: true;
  position?: Range;
}

export type LinkKind = 'link' | 'image' | 'definition' | 'html-link' | 'html-image';

/** A link target written in a chapter. */
export interface LinkFact {
  kind: LinkKind;
  /** The URL as written (not decoded). */
  url: string;
  /** Reference label for `linkReference` / `imageReference` / `definition`. */
  identifier?: string;
  position?: Range;
}

/** A reference (`[text][label]`) used in a chapter. */
export interface ReferenceFact {
  kind: 'link' | 'image';
  identifier: string;
  label: string;
  position?: Range;
}

/** An anchor from HTML: `<a name="x">`, `<span id="x">`. */
export interface AnchorFact {
  id: string;
  position?: Range;
}

/** One Markdown file of a book, parsed once. */
export interface Chapter {
  /** Path from the book root, `/`-separated. */
  path: string;
  /** Source text, without a leading byte-order mark. */
  source: string;
  /** True when the file started with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The mdast tree (remark-parse + gfm + frontmatter + math), with positions. */
  tree: Root;
  /** Offsets (0-based) at which each line starts; index 0 is line 1. */
  lineStarts: number[];
  headings: HeadingFact[];
  links: LinkFact[];
  references: ReferenceFact[];
  anchors: AnchorFact[];
  /** Front matter, parsed as flat `key: value` pairs (YAML scalars only). */
  frontmatter?: Record<string, string>;
  /**
   * Why the chapter was not parsed (too large, too deeply nested: see the
   * parser's limits); its tree is then empty and no rule but
   * `chapter-unchecked` reads it.
   */
  refused?: string;
}

export type ContentsGrammar = 'gitbook' | 'mdbook';

/** One entry of the contents list. */
export interface ContentsEntry {
  /** Title as written (inline Markdown reduced to text). */
  title: string;
  /** Target as written, e.g. `basic_concept/image.md#x`; absent for plain-text entries. */
  target?: string;
  /** Target file from the book root, `/`-separated, percent-decoded; absent for plain text / drafts. */
  path?: string;
  /** Fragment of the target, decoded, without `#`. */
  anchor?: string;
  /** Nesting depth, 0 for top-level entries. */
  depth: number;
  /** `chapter` (numbered), `prefix`/`suffix` (mdBook), `draft` (mdBook `[x]()`), `text` (no link). */
  kind: 'chapter' | 'prefix' | 'suffix' | 'draft' | 'text';
  /** Title of the part (`## Part` / mdBook `# Part`) the entry is under. */
  part?: string;
  /** Position of the whole entry line. */
  position: Range;
  /** Position of the link target, when there is one. */
  targetPosition?: Range;
}

/** A problem in the contents list itself (reported by `contents-syntax`). */
export interface ContentsProblem {
  message: string;
  position: Range;
}

/** The parsed contents list. */
export interface Contents {
  /** Path of the contents file from the book root. */
  path: string;
  grammar: ContentsGrammar;
  /** Title of the book (first `#` heading in GitBook grammar), if any. */
  title?: string;
  /** Every entry, in order. */
  entries: ContentsEntry[];
  /** Part titles, in order. */
  parts: string[];
  problems: ContentsProblem[];
}

/** A problem met while loading the book (not UTF-8, unreadable, too large…). */
export interface LoadProblem {
  /** Path from the book root (or as given, when outside it). */
  file: string;
  message: string;
  ruleId: string;
  severity: Severity;
  position?: Range;
}

/** Slug flavours: how a platform turns a heading into an anchor. */
export type SlugFlavour = 'github' | 'gitbook' | 'vitepress' | 'mdbook' | 'hexo';

/** The book model, built once per run. */
export interface Book {
  /** Absolute path of the book root. */
  root: string;
  /** The contents list, when the book has one. */
  contents?: Contents;
  /**
   * More contents lists of the book (a site with `TOC.md` and `TOC-*.md`
   * beside it, or the configured `contents` list or glob): the files they
   * list are published too.
   */
  moreContents?: Contents[];
  /** Chapters by path from the root. */
  chapters: Map<string, Chapter>;
  /** Every file of the book (not only Markdown), `/`-separated paths from the root. */
  files: Set<string>;
  /** Problems met while loading. */
  problems: LoadProblem[];
  /** Slug flavour used for `HeadingFact.slug`. */
  slug: SlugFlavour;
}
