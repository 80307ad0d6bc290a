import type { Finding, Severity } from '@tongwen/book';

/** What a run found: the input of every formatter. */
export interface ReportInput {
  /** Findings with `file` relative to the checked folder (see {@link FormatContext.pathPrefix}). */
  findings: readonly Finding[];
  /** Number of files checked. */
  files: number;
}

/** What a report knows about a rule (from the rule's meta). */
export interface ReportRule {
  id: string;
  /** Family: `typography`, `script`, `structure`, … */
  family: string;
  /** One line. */
  description: string;
  fixable: boolean;
  /** Severity when enabled without one. */
  severity: Severity;
  /** Where its documentation lives: an `http(s)` URL, or a path. */
  docs?: string;
}

/** One node of a book's contents tree, as the book's readers see it. */
export interface ReportNode {
  /** `part`: a part heading; `chapter`: an entry with a file; `text`: an entry without one (draft, plain text). */
  kind: 'part' | 'chapter' | 'text';
  title: string;
  /** File of the chapter, relative to the checked folder (like `Finding.file`). */
  file?: string;
  children: ReportNode[];
}

/** The outline of one checked book: plain data, built from the Book model by the caller. */
export interface ReportBook {
  /** The book root relative to the checked folder, `/`-separated (`''` for the folder itself). */
  prefix: string;
  /** Title of the book, when the contents list has one. */
  title?: string;
  /** Path of the contents file, relative to the checked folder (like `Finding.file`). */
  contents?: string;
  /** The contents tree, in contents order (parts at the top when the book has parts). */
  nodes: ReportNode[];
  /** Chapters that are in no contents entry, relative to the checked folder. */
  orphans: string[];
}

/** The state of one hand-kept or generated mirror of a chapter. */
export interface ReportMirror {
  /** The source chapter, relative to the checked folder. */
  file: string;
  /** The mirror file, relative to the checked folder. */
  mirror: string;
  /** A short label for the column, e.g. `zh-TW`. */
  label: string;
  state: 'in-step' | 'stale' | 'missing';
}

/** Source lines by file (relative to the checked folder), then by 1-based line number. */
export type ReportSources = Readonly<Record<string, Readonly<Record<number, string>>>>;

/**
 * Everything a formatter may know besides the findings. Injected by the
 * caller (colour, paths, link base, environment values), never read from the
 * environment or the clock inside a formatter.
 */
export interface FormatContext {
  tool: { name: string; version: string; informationUri?: string };
  /** Colour the output (terminal formats only). Default false. */
  color?: boolean;
  /**
   * Path from the current folder to the checked folder, `/`-separated, `''`
   * when they are the same: prefixed to every path shown, so a terminal or CI
   * host can open it. Default `''`.
   */
  pathPrefix?: string;
  /**
   * Base of links to files: an `http(s)` URL (`…/blob/SHA` → `…/blob/SHA/PATH#L12`),
   * or a relative folder from the report to the current folder. Anything else is ignored.
   */
  linkBase?: string;
  /** The rules that may appear in the findings (SARIF `tool.driver.rules`, HTML families). */
  rules?: readonly ReportRule[];
  /** The outline of each checked book (HTML contents tree). */
  books?: readonly ReportBook[];
  /** The source lines that findings and their causes point at (code frames). */
  sources?: ReportSources;
  /** Mirrors of chapters, when the book has mirrors (HTML mirror column). */
  mirrors?: readonly ReportMirror[];
  /** File to which a Markdown job summary is appended (`GITHUB_STEP_SUMMARY`, read by the caller). */
  stepSummaryFile?: string;
  /**
   * Findings that were there before (the gate's baseline or base commit), when
   * `findings` holds only the new ones: the HTML report keeps them behind a toggle.
   */
  previous?: readonly Finding[];
  /** Most findings listed one by one in size-limited formats (`markdown`). Default 50. */
  maxFindings?: number;
}

/** A formatter is a pure function of the findings and the context. */
export type Formatter = (input: ReportInput, context: FormatContext) => string;

/** A file a format writes besides its main output (e.g. the GitHub job summary); the caller writes it. */
export interface SideOutput {
  file: string;
  text: string;
  /** Append instead of replacing. */
  append: boolean;
}

/** Counts of a report. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Count findings by severity. */
export function summarize(input: ReportInput): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of input.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { files: input.files, errors, warnings, infos };
}
