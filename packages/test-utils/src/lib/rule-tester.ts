import { parseChapter, parseContents, type Book, type Chapter, type Finding, type Severity, type SlugFlavour } from '@tongwen/book';
import { fixBook, lintBook, type ActiveRule } from '@tongwen/linter';
import { createRunCache, isBookRule, optionDefaults, type AnyRule, type Locale, type MirrorDrift, type MirrorHistory, type RunCache, type Settings } from '@tongwen/rules';
import { markdownExtensions } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';

/** An expected finding. Lines and columns are 1-based; the end is exclusive. */
export interface ExpectedFinding {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Path from the book root (book rules; chapter rules default to the case's file). */
  file?: string;
  severity?: Severity;
}

/** Where a case runs: one chapter, or a whole in-memory book. */
export interface CaseInput {
  /** Name shown by the test runner; defaults to the code. */
  name?: string;
  /** One chapter's source (chapter rules). */
  code?: string;
  /** Path of that chapter. Default `chapter.md`. */
  path?: string;
  /** A whole book: path → source (book rules, or chapter rules that read the book). */
  files?: Record<string, string>;
  /** Contents list of `files`. Default `SUMMARY.md` when present. */
  contents?: string;
  /** More contents lists of `files` (a site's `TOC-*.md` beside `TOC.md`). */
  moreContents?: string[];
  options?: Record<string, unknown>;
  locale?: Locale;
  settings?: Partial<Settings>;
  /** History of mirror files (the `mirror-stale` rule). */
  mirrorHistory?: MirrorHistory;
  /** Drifted files of generated mirrors, as the linter reads them from a manifest. */
  mirrorDrift?: readonly MirrorDrift[];
}

export interface InvalidCase extends CaseInput {
  errors: ExpectedFinding[];
  /**
   * The fixed source of `code` (or of the file `outputFile`), after fixing to a
   * fixed point; `null` asserts that nothing is fixed. Required for fixable rules.
   */
  output?: string | null;
  outputFile?: string;
}

export type ValidCase = CaseInput | string;

/** Build an in-memory book from sources. */
export function memoryBook(files: Record<string, string>, options: { contents?: string; moreContents?: string[]; slug?: SlugFlavour } = {}): Book {
  const slug = options.slug ?? 'github';
  const chapters = new Map<string, Chapter>();
  for (const [file, source] of Object.entries(files)) {
    if (markdownExtensions.test(file)) chapters.set(file, parseChapter(file, source, { slug }));
  }
  const book: Book = { root: '/book', chapters, files: new Set(Object.keys(files)), problems: [], slug };
  const contents = options.contents ?? (files['SUMMARY.md'] !== undefined ? 'SUMMARY.md' : undefined);
  if (contents && chapters.has(contents)) book.contents = parseContents(chapters.get(contents)!.source, contents, { grammar: 'auto' });
  const more = (options.moreContents ?? []).filter((file) => chapters.has(file));
  if (more.length > 0) book.moreContents = more.map((file) => parseContents(chapters.get(file)!.source, file, { grammar: 'auto' }));
  return book;
}

function bookOf(rule: AnyRule, input: CaseInput): { book: Book; file: string } {
  const file = input.path ?? 'chapter.md';
  const files = input.files ?? { [file]: input.code ?? '' };
  if (input.files && input.code !== undefined) files[file] = input.code;
  const book = memoryBook(files, { ...(input.contents ? { contents: input.contents } : {}), ...(input.moreContents ? { moreContents: input.moreContents } : {}), slug: input.settings?.slug ?? 'github' });
  return { book, file: isBookRule(rule) && !input.code ? '' : file };
}

function run(rule: AnyRule, input: CaseInput, cache: RunCache, fixableOnly = false): { book: Book; findings: Finding[]; active: ActiveRule[]; settings: Settings } {
  const { book } = bookOf(rule, input);
  const active: ActiveRule[] = [{ rule, severity: rule.meta.severity, options: { ...optionDefaults(rule.meta), ...(input.options ?? {}) } }];
  const settings: Settings = { slug: 'github', ignore: [], ...input.settings };
  const findings = lintBook(book, { rules: active, settings, cache, ...(input.locale ? { locale: input.locale } : {}), ...(input.mirrorHistory ? { mirrorHistory: input.mirrorHistory } : {}), ...(input.mirrorDrift ? { mirrorDrift: input.mirrorDrift } : {}), fixableOnly });
  return { book, findings, active, settings };
}

/**
 * Reject a sloppy invalid case before running it: no expected finding, a
 * fixable rule's case without `output`, an output for a rule that cannot fix,
 * or an output equal to the input.
 */
export function assertSoundCase(rule: AnyRule, input: InvalidCase): void {
  if (input.errors.length === 0) throw new Error('An invalid case must expect at least one finding');
  if (rule.meta.fixable && input.output === undefined) throw new Error(`Rule \`${rule.meta.id}\` is fixable: give \`output\` (or \`null\` for no fix)`);
  if (!rule.meta.fixable && input.output !== undefined && input.output !== null) throw new Error(`Rule \`${rule.meta.id}\` is not fixable, yet the case has an output`);
  if (typeof input.output === 'string' && input.code !== undefined && input.output === input.code && !input.files) throw new Error('The expected output equals the input: a fix that changes nothing');
}

/** Strip every position from a tree (rules must tolerate nodes without positions). */
function stripPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  for (const child of (node.children ?? []) as { position?: unknown; children?: unknown[] }[]) stripPositions(child);
}

/**
 * Register vitest tests for a rule from tables of valid and invalid cases.
 * Rejects sloppy tables: an invalid case without errors, a fixable rule's
 * invalid case without `output`, an `output` equal to the input.
 */
export function testRule(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    // Converters and the word segmenter are immutable: built once per table; everything else a rule keeps is per case.
    const shared = createRunCache();
    const caseCache = (): RunCache => createRunCache(shared);
    for (const raw of cases.valid) {
      const input: CaseInput = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid: ${input.name ?? input.code ?? Object.keys(input.files ?? {}).join(', ')}`, () => {
        const { findings } = run(rule, input, caseCache());
        expect(findings.map(summary)).toEqual([]);
      });
    }
    for (const input of cases.invalid) {
      it(`invalid: ${input.name ?? input.code ?? Object.keys(input.files ?? {}).join(', ')}`, () => {
        assertSoundCase(rule, input);
        const defaultFile = input.path ?? 'chapter.md';
        const { findings } = run(rule, input, caseCache());
        const expected = input.errors.map((error) => expectedAsFinding(error, defaultFile, rule.meta.severity));
        expect(findings.map((finding, i) => pick(finding, expected[i]))).toEqual(expected);

        if (input.output !== undefined) {
          const outputFile = input.outputFile ?? defaultFile;
          const { book, active, settings } = run(rule, input, caseCache());
          const before = book.chapters.get(outputFile)?.source;
          const result = fixBook(book, { rules: active, settings, cache: caseCache(), ...(input.locale ? { locale: input.locale } : {}) });
          const after = book.chapters.get(outputFile)?.source;
          if (input.output === null) {
            expect(result.changed.has(outputFile)).toBe(false);
          } else {
            if (input.output === before) throw new Error('The expected output equals the input: a fix that changes nothing');
            expect(after).toBe(input.output);
            // Fixes converge: fixing the output changes nothing more.
            const again = run(rule, { ...input, ...(input.files ? { files: { ...input.files, [outputFile]: after! } } : { code: after! }) }, caseCache(), true);
            expect(again.findings.filter((finding) => finding.file === outputFile && finding.fix).map(summary)).toEqual([]);
          }
        }
      });
    }
    it('does not crash on a tree without positions', () => {
      for (const raw of [...cases.valid, ...cases.invalid]) {
        const input: CaseInput = typeof raw === 'string' ? { code: raw } : raw;
        const { book } = bookOf(rule, input);
        for (const chapter of book.chapters.values()) stripPositions(chapter.tree as never);
        const active: ActiveRule[] = [{ rule, severity: rule.meta.severity, options: { ...optionDefaults(rule.meta), ...(input.options ?? {}) } }];
        expect(() => lintBook(book, { rules: active, cache: caseCache(), settings: { slug: 'github', ignore: [], ...input.settings }, ...(input.locale ? { locale: input.locale } : {}), ...(input.mirrorHistory ? { mirrorHistory: input.mirrorHistory } : {}), ...(input.mirrorDrift ? { mirrorDrift: input.mirrorDrift } : {}) })).not.toThrow();
      }
    });
  });
}

function expectedAsFinding(error: ExpectedFinding, file: string, severity: Severity): Partial<Finding> {
  return {
    file: error.file ?? file,
    line: error.line,
    column: error.column,
    ...(error.endLine !== undefined ? { endLine: error.endLine } : {}),
    ...(error.endColumn !== undefined ? { endColumn: error.endColumn } : {}),
    message: error.message,
    severity: error.severity ?? severity,
  };
}

function summary(finding: Finding): Record<string, unknown> {
  return { file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, message: finding.message, severity: finding.severity };
}

/** The fields of a finding that a case compares: those the expectation gives. */
function pick(finding: Finding, expected: Partial<Finding> | undefined): Partial<Finding> {
  const keys = Object.keys(expected ?? { file: 1, line: 1, column: 1, message: 1, severity: 1 }) as (keyof Finding)[];
  return Object.fromEntries(keys.map((key) => [key, finding[key]]));
}
