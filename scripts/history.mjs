#!/usr/bin/env node
/**
 * Recall on real defects from a real book's history: the 2018 and 2026
 * editions of docker_practice (`../shared/corpus/docker_practice-{2018,2026}`)
 * are the same book eight years apart, in different folder layouts. Chapters
 * are paired by content (shared lines) and title; then every 2018 prose line
 * that is not in its 2026 successor verbatim is matched with a successor line
 * that differs from it by exactly ONE class of change (the only difference is
 * a space between Han and Latin, or a `,` that became `，`, or a link target…):
 * such a pair is a pure instance of a fix of that class. Lines whose change
 * mixes classes, rewrites the text or touches only code are not counted as
 * fixes (their totals are printed for context).
 *
 * For each class tongwen covers, a HIT is a 2018 line that `tongwen check`
 * flags with one of the class's rules; a FALSE ALARM is a 2026 line (the fixed
 * one) that is still flagged by them. Classes that change in the direction
 * opposite to tongwen's conventions (e.g. spaces removed) are reported as
 * `reverse` and not scored.
 *
 *   node scripts/history.mjs [--json FILE] [--samples N] [--old DIR --new DIR] [--cli DIR] [--old-report JSON --new-report JSON]
 *
 * Needs `pnpm build` and ../shared/corpus (or TONGWEN_SHARED). Checks each
 * edition once (`tongwen check --format json --no-cache`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function corpusDir() {
  return path.resolve(process.env.TONGWEN_SHARED ?? path.join(repo, '../shared'), 'corpus');
}

// ---------------------------------------------------------------------------
// Reading the editions

function listMarkdown(root, folder = '') {
  const files = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listMarkdown(root, rel));
    else if (/\.md$/i.test(entry.name)) files.push(rel);
  }
  return files.sort();
}

/** The lines of a chapter, each marked `code` when inside a fence, front matter or an indented code block after a blank line. */
function readChapter(root, file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const raw = text.split(/\r?\n/);
  let fence = null;
  let frontMatter = raw[0] === '---';
  let previousBlank = true;
  let indentedCode = false;
  let level = 0;
  const lines = raw.map((line, index) => {
    let code = false;
    if (frontMatter) {
      code = true;
      if (index > 0 && line === '---') frontMatter = false;
    } else if (fence) {
      code = true;
      if (new RegExp(`^\\s{0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = null;
    } else {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open) {
        fence = open[1];
        code = true;
      } else if (/^( {4}|\t)/.test(line) && (previousBlank || indentedCode)) {
        indentedCode = true;
        code = true;
      } else if (line.trim()) indentedCode = false;
    }
    previousBlank = line.trim() === '';
    const heading = code ? undefined : /^(#{1,6})\s/.exec(line);
    let skip;
    if (heading) {
      skip = heading[1].length > level + 1;
      level = heading[1].length;
    }
    return { number: index + 1, text: line, code, skip };
  });
  const title = lines.find((l) => !l.code && /^#\s/.test(l.text))?.text.replace(/^#+\s*/, '').trim() ?? '';
  return { file, lines, title };
}

/** A loose key for pairing chapters and lines whatever typography or markup changed. */
const looseKey = (text) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[\s*_`#>\-|[\]()（）,，.。:：;；!！?？"'“”‘’「」『』…、~]/g, '');

/** `5.3_stop.md` → `stop.md`, `05_container` → `container`, `5.3 终止` → `终止`. */
const stripNumber = (name) => name.split('/').map((part) => part.replace(/^\d+(\.\d+)*[_\s]+/, '')).join('/');

/** Pair each old chapter with the new chapters that hold its lines (most shared loose lines first), or the same title. */
export function pairChapters(oldBook, newBook) {
  const index = new Map();
  for (const chapter of newBook) {
    for (const line of chapter.lines) {
      const key = looseKey(line.text);
      if (line.code || key.length < 8) continue;
      if (!index.has(key)) index.set(key, new Set());
      index.get(key).add(chapter);
    }
  }
  const pairs = new Map();
  for (const chapter of oldBook) {
    const shared = new Map();
    let total = 0;
    for (const line of chapter.lines) {
      const key = looseKey(line.text);
      if (line.code || key.length < 8) continue;
      total++;
      for (const twin of index.get(key) ?? []) shared.set(twin, (shared.get(twin) ?? 0) + 1);
    }
    const ranked = [...shared].sort((a, b) => b[1] - a[1] || a[0].file.localeCompare(b[0].file));
    const best = ranked[0]?.[1] ?? 0;
    const chosen = ranked.filter(([, n]) => n >= 2 && n >= best / 3).map(([c]) => c);
    if (!chosen.length && chapter.title) chosen.push(...newBook.filter((c) => c.title && looseKey(stripNumber(c.title)) === looseKey(stripNumber(chapter.title))));
    if (!chosen.length) {
      // Same file name once the new layout's numbering is stripped (`container/stop.md` → `05_container/5.3_stop.md`), in the same folder for a README.
      const named = newBook.filter((c) => stripNumber(path.posix.basename(c.file)) === path.posix.basename(chapter.file));
      const sameFolder = named.filter((c) => stripNumber(path.posix.dirname(c.file)) === path.posix.dirname(chapter.file));
      chosen.push(...(sameFolder.length || /^readme\.md$/i.test(path.posix.basename(chapter.file)) ? sameFolder : named.length === 1 ? named : []));
    }
    pairs.set(chapter.file, { chapters: chosen, shared: best, total });
  }
  return pairs;
}

// ---------------------------------------------------------------------------
// Classes of change: each is a canonical form under which a pure fix of the
// class makes the two lines equal, and a direction (which side is the defect).

const han = '\\p{Script=Han}';
const fullPunct = '，。！？；：、（）「」『』《》“”‘’【】';
const count = (text, re) => (text.match(re) ?? []).length;

/** Outside inline code only: the canonical forms leave code spans alone. */
const outsideCode = (fn) => (text) => text.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : fn(part))).join('');

const spaceHanLatin = new RegExp(`(?<=${han})[ \\t]+(?=[A-Za-z0-9\`\\[])|(?<=[A-Za-z0-9\`\\])%])[ \\t]+(?=${han})`, 'gu');
const spaceHanEmphasis = new RegExp(`(?<=${han})[ \\t]+(?=\\*\\*|__)|(?<=\\*\\*|__)[ \\t]+(?=${han})`, 'gu');
const spaceNearFull = new RegExp(`[ \\t]+(?=[${fullPunct}])|(?<=[${fullPunct}])[ \\t]+`, 'gu');
const widthMap = { '，': ',', '。': '.', '！': '!', '？': '?', '；': ';', '：': ':' };
const toHalf = (text) => text.replace(/[，。！？；：]/g, (c) => widthMap[c]).replace(/[ \t]*([,.!?;:])[ \t]*/g, '$1');

/**
 * The classes. `canon` maps a line to its canonical form for the class;
 * `fixed(old, new)` says whether the change goes in tongwen's direction (the
 * old line is the defect); `rules` flag the defect.
 */
export const classes = {
  spacing: {
    what: 'space between Han and Latin/digits/code added',
    canon: (t) => t.replace(spaceHanLatin, ''),
    fixed: (a, b) => count(b, spaceHanLatin) > count(a, spaceHanLatin),
    rules: ['zh-spacing'],
  },
  'space-around-fullwidth': {
    what: 'space next to full-width punctuation removed',
    canon: (t) => t.replace(spaceNearFull, ''),
    fixed: (a, b) => count(a, spaceNearFull) > count(b, spaceNearFull),
    rules: ['zh-space-around-fullwidth'],
  },
  'punctuation-width': {
    what: 'half-width punctuation in Chinese made full-width',
    canon: outsideCode(toHalf),
    fixed: (a, b) => count(b, /[，。！？；：]/g) > count(a, /[，。！？；：]/g),
    rules: ['zh-punctuation-width', 'zh-space-around-fullwidth'],
  },
  parentheses: {
    what: 'parentheses switched between `（）` and `()` (a house convention either way)',
    canon: outsideCode((t) => t.replace(/[ \t]*[（(][ \t]*/g, '(').replace(/[ \t]*[）)][ \t]*/g, ')')),
    fixed: () => false,
    rules: [],
  },
  'emphasis-spacing': {
    what: 'space between Han and `**` (a house convention either way)',
    canon: (t) => t.replace(spaceHanEmphasis, ''),
    fixed: () => false,
    rules: [],
  },
  quotes: {
    what: 'quotation marks changed',
    canon: outsideCode((t) => t.replace(/[“”‘’「」『』"]/g, '"')),
    fixed: (a, b) => count(a, /"/g) > count(b, /"/g),
    rules: ['zh-quotes'],
  },
  'ellipsis-dash': {
    what: 'ellipsis or dash normalised',
    canon: outsideCode((t) => t.replace(/\.{3,}|。{3,}|…+/g, '…').replace(/——|—|--+/g, '—')),
    fixed: (a, b) => /\.{3,}|。{3,}|(?<!…)…(?!…)|(?<!-)--(?!-)|(?<!—)—(?!—)/.test(a) && !/\.{3,}|。{3,}/.test(b),
    rules: ['zh-ellipsis-dash'],
  },
  'punctuation-repeated': {
    what: 'repeated punctuation mark collapsed',
    canon: (t) => t.replace(/([！？。，、；：!?])\1+/g, '$1'),
    fixed: (a, b) => count(a, /([！？。，、；：!?])\1+/g) > count(b, /([！？。，、；：!?])\1+/g),
    rules: ['zh-punctuation-repeated'],
  },
  'fullwidth-alphanumeric': {
    what: 'full-width letters or digits made half-width',
    canon: (t) => t.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
    fixed: (a) => /[Ａ-Ｚａ-ｚ０-９]/.test(a),
    rules: ['zh-fullwidth-alphanumeric'],
  },
  'term-case': {
    what: 'proper noun case corrected (Github → GitHub)',
    canon: (t) => t.toLowerCase(),
    fixed: () => true,
    rules: ['proper-noun-case'],
  },
  'heading-level': {
    what: 'heading level changed',
    canon: (t) => t.replace(/^#{1,6}\s*/, '#'),
    // A fix only where the old heading skipped a level; else the chapter was restructured.
    fixed: (a, b, line) => /^#{1,6}\s/.test(a) && /^#{1,6}\s/.test(b) && line?.skip === true,
    rules: ['heading-increment', 'heading-multiple-titles'],
  },
  'heading-space': {
    what: 'space after the ATX `#` added',
    canon: (t) => t.replace(/^(#{1,6})\s*/, '$1'),
    fixed: (a, b) => /^#{1,6}[^#\s]/.test(a) && /^#{1,6}\s/.test(b),
    rules: ['heading-missing-space'],
  },
  'link-anchor': {
    what: 'link fragment (#anchor) changed, same file',
    canon: (t) => t.replace(/\]\(([^)#\s]*)#[^)\s]*/g, ']($1#'),
    fixed: (a) => /\]\([^)\s:]*#/.test(a),
    rules: ['link-missing-anchor'],
  },
  'link-path': {
    what: 'relative link target changed',
    canon: (t) => t.replace(/(?<!!)\[([^\]]*)\]\((?![a-z]+:)[^)]*\)/gi, '[$1]()'),
    // A fix where the old target was missing from the old book; else the target moved with the new layout.
    fixed: (a, b, line, context) => brokenTarget(a, /(?<!!)\[[^\]]*\]\(([^)\s]*)/g, line, context),
    rules: ['link-missing-file', 'link-case-mismatch', 'link-outside-book'],
  },
  image: {
    what: 'image path changed',
    canon: (t) => t.replace(/!\[([^\]]*)\]\((?![a-z]+:)[^)]*\)/gi, '![$1]()'),
    fixed: (a, b, line, context) => brokenTarget(a, /!\[[^\]]*\]\(([^)\s]*)/g, line, context),
    rules: ['image-missing'],
  },
  'link-external': {
    what: 'external URL changed (link rot, http → https)',
    canon: (t) => t.replace(/https?:\/\/[^\s)>\]]+/gi, 'URL'),
    fixed: () => true,
    rules: [],
  },
  'link-rendering': {
    what: 'link syntax repaired (`[text] (url)`, bare `<url>`)',
    canon: (t) => t.replace(/\]\s+\(/g, '](').replace(/<(https?:\/\/[^>\s]+)>/g, '$1'),
    fixed: (a, b) => /\]\s+\(/.test(a) && !/\]\s+\(/.test(b),
    rules: ['link-not-rendered'],
  },
  emphasis: {
    what: 'emphasis markers moved or added',
    canon: (t) => t.replace(/\*\*|__/g, ''),
    // Moved markers are a fix; markers added or removed are an edit of emphasis, not a fix.
    fixed: (a, b) => count(a, /\*\*|__/g) === count(b, /\*\*|__/g),
    rules: ['emphasis-not-rendered'],
  },
};

/** Whether a relative target of the old line does not exist in the old book (the change repaired a broken link). */
function brokenTarget(text, re, line, context) {
  if (!context) return true;
  for (const [, url] of text.matchAll(re)) {
    const target = url.split('#')[0];
    if (!target || /^[a-z]+:|^\//i.test(target)) continue;
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {}
    const to = path.join(context.root, path.dirname(context.file), decoded);
    if (!existsSync(to)) return true;
  }
  return false;
}

/** Classes tongwen's conventions judge: the rest are counted but not scored. */
const scored = (name) => classes[name].rules.length > 0;

/** The class of a change, when it is a pure instance of one: `{name, reverse}` or undefined. */
export function classify(a, b, oldLine, context) {
  if (a === b) return undefined;
  // Only whitespace at the ends of the line: layout, not a fix.
  if (a.trim() === b.trim()) return { name: 'whitespace', reverse: true };
  for (const [name, cls] of Object.entries(classes)) {
    if (cls.canon(a) === cls.canon(b)) return { name, reverse: !cls.fixed(a, b, oldLine, context) };
  }
  // Any other change of whitespace (`>注意` → `> 注意`, two spaces → one).
  if (a.replace(/\s+/g, '') === b.replace(/\s+/g, '')) return { name: 'whitespace', reverse: true };
  return undefined;
}

/** The typography classes together: a change they explain together but none alone is a mixed fix. */
const typography = ['spacing', 'space-around-fullwidth', 'punctuation-width', 'quotes', 'ellipsis-dash', 'punctuation-repeated', 'fullwidth-alphanumeric'];
const typographyCanon = (t) => typography.reduce((s, name) => classes[name].canon(s), t.replace(/\s+/g, ' ').trim());

// ---------------------------------------------------------------------------
// Pairing changed lines

/** Character-bigram Dice similarity, for the unclassified changes. */
function similarity(a, b) {
  const grams = (s) => {
    const m = new Map();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / Math.max(1, a.length + b.length - 2);
}

/**
 * The changed lines of one chapter pair: each old prose line absent verbatim
 * from the new chapters, matched with the new line that is a pure instance of
 * one class away from it (a unique one), else with its most similar new line.
 */
function changedLines(oldChapter, newChapters, context) {
  const newLines = newChapters.flatMap((c) => c.lines.map((l) => ({ ...l, file: c.file })));
  const verbatimNew = new Set(newLines.map((l) => l.text));
  const verbatimOld = new Set(oldChapter.lines.map((l) => l.text));
  const candidates = newLines.filter((l) => !l.code && l.text.trim() && !verbatimOld.has(l.text));
  const byLoose = new Map();
  for (const l of candidates) {
    const key = looseKey(l.text);
    if (!byLoose.has(key)) byLoose.set(key, []);
    byLoose.get(key).push(l);
  }
  const byTypography = new Map();
  for (const l of candidates) {
    const key = typographyCanon(l.text);
    if (!byTypography.has(key)) byTypography.set(key, []);
    byTypography.get(key).push(l);
  }
  const out = [];
  for (const line of oldChapter.lines) {
    if (!line.text.trim() || verbatimNew.has(line.text)) continue;
    if (line.code) {
      out.push({ old: line, kind: 'code' });
      continue;
    }
    const key = looseKey(line.text);
    let pure;
    for (const twin of key.length >= 2 ? (byLoose.get(key) ?? []) : []) {
      const cls = classify(line.text, twin.text, line, context);
      if (cls) {
        pure = { twin, cls };
        break;
      }
    }
    if (!pure) {
      for (const twin of byTypography.get(typographyCanon(line.text)) ?? []) {
        const cls = classify(line.text, twin.text, line, context);
        if (cls) {
          pure = { twin, cls };
          break;
        }
      }
    }
    if (pure) {
      out.push({ old: line, new: pure.twin, kind: 'pure', cls: pure.cls });
      continue;
    }
    const mixed = (byTypography.get(typographyCanon(line.text)) ?? [])[0];
    if (mixed) {
      out.push({ old: line, new: mixed, kind: 'typography-mixed' });
      continue;
    }
    let best;
    let score = 0.6;
    for (const twin of candidates) {
      if (Math.abs(twin.text.length - line.text.length) > line.text.length) continue;
      const s = similarity(line.text, twin.text);
      if (s > score) [best, score] = [twin, s];
    }
    out.push(best ? { old: line, new: best, kind: 'rewrite' } : { old: line, kind: 'removed' });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Checking and scoring

export function check(root, cli = repo) {
  const bin = path.join(cli, 'packages/cli/bin/tongwen.js');
  const run = spawnSync(process.execPath, [bin, 'check', root, '--format', 'json', '--no-cache'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`tongwen check ${root} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Index findings by `file|line` (every line a finding spans), with the columns they cover on that line. */
function byLine(report) {
  const map = new Map();
  for (const f of report.findings) {
    const last = f.endLine ?? f.line;
    for (let line = f.line; line <= last; line++) {
      const key = `${f.file}|${line}`;
      if (!map.has(key)) map.set(key, []);
      map.get(key).push({ ruleId: f.ruleId, from: line === f.line ? f.column : 1, to: line === last ? (f.endColumn ?? Infinity) : Infinity });
    }
  }
  return map;
}

/**
 * The edits inside a changed line: a character diff (longest common
 * subsequence) of the two lines, cut into hunks separated by at least
 * `gap` equal characters, each widened by that much context. 0-based
 * `[from, to)` offsets in each line.
 */
export function edits(a, b, gap = 4) {
  if (a.length * b.length > 4_000_000) return [];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  // Walk the diff: runs of equal characters between changes.
  const hunks = [];
  let i = 0;
  let j = 0;
  let open;
  let equal = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (open && ++equal > gap) {
        hunks.push(open);
        open = undefined;
      }
      i++;
      j++;
      continue;
    }
    if (open) open = { ...open, a1: i, b1: j };
    else open = { a0: i, b0: j, a1: i, b1: j };
    equal = 0;
    if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) j++;
    else i++;
    open.a1 = i;
    open.b1 = j;
  }
  if (open) hunks.push(open);
  return hunks.map((h) => {
    const before = Math.min(gap, h.a0, h.b0);
    const after = Math.min(gap, n - h.a1, m - h.b1);
    return { a: [h.a0 - before, h.a1 + after], b: [h.b0 - before, h.b1 + after], at: [h.a0, h.a1], atNew: [h.b0, h.b1] };
  });
}

const emptyRow = () => ({ pairs: 0, hits: 0, misses: 0, falseAlarms: 0, reverse: 0 });

/**
 * Compare the two editions. `oldReport`/`newReport` are `tongwen check --format json`
 * of each (checked here when absent). Returns the totals, the per-class table
 * (`line`: whole lines whose only change is of the class; `edit`: an edit of the
 * class inside a line that changed in other ways too) and every instance.
 */
export function history({ oldRoot = path.join(corpusDir(), 'docker_practice-2018'), newRoot = path.join(corpusDir(), 'docker_practice-2026'), oldReport, newReport, cli } = {}) {
  const oldBook = listMarkdown(oldRoot).map((f) => readChapter(oldRoot, f));
  const newBook = listMarkdown(newRoot).map((f) => readChapter(newRoot, f));
  const chapterPairs = pairChapters(oldBook, newBook);
  oldReport ??= check(oldRoot, cli);
  newReport ??= check(newRoot, cli);
  const oldFlags = byLine(oldReport);
  const newFlags = byLine(newReport);
  const totals = { chapters: oldBook.length, paired: 0, changed: 0, code: 0, rewrite: 0, removed: 0, 'typography-mixed': 0, pure: 0 };
  const table = {};
  const pairs = [];
  const record = (scope, name, reverse, chapter, change, oldSpan, newSpan) => {
    const rules = classes[name]?.rules ?? [];
    const row = (table[name] ??= { what: classes[name]?.what ?? 'whitespace only', rules, line: emptyRow(), edit: emptyRow() })[scope];
    // Flagged by a rule of the class on the line, and for an edit at its columns (1-based, inclusive).
    const flagged = (flags, file, line, span) =>
      (flags.get(`${file}|${line}`) ?? []).filter((f) => rules.includes(f.ruleId) && (!span || (f.from <= span[1] + 1 && f.to >= span[0] + 1))).map((f) => f.ruleId);
    const pair = {
      scope,
      cls: name,
      reverse,
      old: { file: chapter.file, line: change.old.number, text: change.old.text, ...(oldSpan && { column: oldSpan[0] + 1 }) },
      new: { file: change.new.file, line: change.new.number, text: change.new.text, ...(newSpan && { column: newSpan[0] + 1 }) },
      oldFlags: flagged(oldFlags, chapter.file, change.old.number, oldSpan),
      newFlags: flagged(newFlags, change.new.file, change.new.number, newSpan),
    };
    pairs.push(pair);
    if (reverse) {
      row.reverse++;
      return;
    }
    row.pairs++;
    if (!rules.length) return;
    if (pair.oldFlags.length) row.hits++;
    else row.misses++;
    if (pair.newFlags.length) row.falseAlarms++;
  };
  for (const chapter of oldBook) {
    const { chapters } = chapterPairs.get(chapter.file);
    if (!chapters.length) continue;
    totals.paired++;
    const context = { root: oldRoot, file: chapter.file };
    for (const change of changedLines(chapter, chapters, context)) {
      totals.changed++;
      totals[change.kind]++;
      if (change.kind === 'pure') {
        record('line', change.cls.name, change.cls.reverse, chapter, change);
        continue;
      }
      if (change.kind !== 'rewrite' && change.kind !== 'typography-mixed') continue;
      // A line that changed in several ways: each edit that is a pure instance of a class counts on its own.
      const a = change.old.text;
      const b = change.new.text;
      const inCode = (text, [from, to]) => [...text.matchAll(/`[^`]+`/g)].some((m) => from < m.index + m[0].length && to > m.index);
      for (const hunk of edits(a, b)) {
        if (inCode(a, hunk.at) || inCode(b, hunk.atNew)) continue;
        const cls = classify(a.slice(...hunk.a), b.slice(...hunk.b), change.old, context);
        if (cls && cls.name !== 'heading-level' && cls.name !== 'heading-space') record('edit', cls.name, cls.reverse, chapter, change, hunk.at, hunk.atNew);
      }
    }
  }
  const chapterMap = Object.fromEntries([...chapterPairs].map(([file, { chapters }]) => [file, chapters.map((c) => c.file)]));
  return { totals, table, pairs, chapters: chapterMap };
}

/** The table and samples of misses and false alarms, as text. */
export function format({ totals, table, pairs }, samples = 5) {
  const out = [];
  out.push(
    `docker_practice 2018 → 2026: ${totals.paired}/${totals.chapters} chapters paired, ${totals.changed} changed prose/code lines: ` +
      `${totals.pure} changed in one class only, ${totals['typography-mixed']} in several typography classes, ${totals.rewrite} edited otherwise, ${totals.code} code, ${totals.removed} with no successor`,
  );
  const names = Object.keys(table).sort((a, b) => Object.keys(classes).indexOf(a) - Object.keys(classes).indexOf(b));
  const width = Math.max(...names.map((n) => n.length), 5);
  for (const scope of ['line', 'edit']) {
    out.push(
      '',
      scope === 'line' ? 'Lines whose only change is one class of fix:' : 'Edits of one class inside lines that changed in other ways too:',
      `${'class'.padEnd(width)}  pairs  hits  misses  recall  false-alarms  other-direction  rules`,
    );
    let [p, h] = [0, 0];
    for (const name of names) {
      const r = table[name][scope];
      if (!r.pairs && !r.reverse) continue;
      const scoredRow = table[name].rules.length > 0;
      if (scoredRow) [p, h] = [p + r.pairs, h + r.hits];
      const cell = (v, w) => String(scoredRow ? v : '-').padStart(w);
      const recall = scoredRow && r.pairs ? `${Math.round((100 * r.hits) / r.pairs)}%` : '-';
      out.push(
        `${name.padEnd(width)}  ${String(r.pairs).padStart(5)}  ${cell(r.hits, 4)}  ${cell(r.misses, 6)}  ${recall.padStart(6)}  ${cell(r.falseAlarms, 12)}  ${String(r.reverse).padStart(15)}  ${table[name].rules.join(', ') || '(not covered)'}`,
      );
    }
    out.push(`${'covered'.padEnd(width)}  ${String(p).padStart(5)}  ${String(h).padStart(4)}  ${String(p - h).padStart(6)}  ${`${p ? Math.round((100 * h) / p) : 0}%`.padStart(6)}`);
  }
  const show = (title, list) => {
    if (!list.length) return;
    out.push('', title);
    const perClass = new Map();
    for (const x of list) {
      const n = perClass.get(x.cls) ?? 0;
      perClass.set(x.cls, n + 1);
      if (n >= samples) continue;
      const at = (side) => `${side.file}:${side.line}${side.column ? `:${side.column}` : ''}`;
      // Long lines: the part around the edit.
      const excerpt = (side) => {
        const text = side.text.trim();
        if (text.length <= 120 || !side.column) return text;
        const from = Math.max(0, side.column - 1 - (side.text.length - side.text.trimStart().length) - 50);
        return `${from > 0 ? '…' : ''}${text.slice(from, from + 100)}${from + 100 < text.length ? '…' : ''}`;
      };
      out.push(`  [${x.cls}, ${x.scope}] ${at(x.old)}`, `    - ${excerpt(x.old)}`, `    + ${excerpt(x.new)}  (${at(x.new)})`);
    }
  };
  const scoredPairs = pairs.filter((x) => !x.reverse && classes[x.cls]?.rules.length);
  show(`Misses (2018 not flagged; up to ${samples} per class):`, scoredPairs.filter((x) => !x.oldFlags.length));
  show(`False alarms (fixed 2026 still flagged; up to ${samples} per class):`, scoredPairs.filter((x) => x.newFlags.length));
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const report = (file) => (file ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const result = history({ oldRoot: option('--old'), newRoot: option('--new'), cli: option('--cli'), oldReport: report(option('--old-report')), newReport: report(option('--new-report')) });
  process.stdout.write(`${format(result, Number(option('--samples') ?? 5))}\n`);
  const json = option('--json');
  if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
}
