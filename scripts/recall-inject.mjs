/**
 * The defect injectors of the recall benchmark (`scripts/recall.mjs`): each
 * takes a book (its Markdown files, parsed once) and a seeded random source,
 * and returns ONE realistic defect of its class — the file changes that make
 * it and where a checker should report it — or `undefined` when the book has
 * no place for it. Pure: no disk access (the runner applies the changes).
 *
 * An injection is `{ cls, detail, writes: {path: text}, moves: [[from, to]],
 * expect: { file, line, rules }, allowed: rules }`: `expect` is the place
 * and the rules of which one must report it (a hit), `allowed` the rules of
 * the findings the defect rightly causes elsewhere (a moved chapter breaks
 * the links to it); any other new finding is a false alarm.
 */

/** A small seeded generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a string (FNV-1a). */
export function seedOf(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const pick = (rand, items) => items[Math.floor(rand() * items.length)];
const han = /\p{Script=Han}/u;
const isHan = (ch) => ch !== undefined && han.test(ch);

/** 1-based line of a 0-based offset. */
export function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Nodes whose text is never prose. */
const opaque = new Set(['code', 'inlineCode', 'html', 'link', 'linkReference', 'image', 'imageReference', 'definition', 'yaml', 'toml', 'math', 'inlineMath', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'emphasis', 'strong', 'delete', 'table', 'heading']);

/** Text nodes of paragraphs outside links, code, HTML, emphasis, tables and headings, whose source is their value. */
export function proseNodes(chapter) {
  const found = [];
  const visit = (node) => {
    if (opaque.has(node.type)) return;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined && chapter.source.slice(start, end) === node.value) found.push({ start, end, value: node.value });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(chapter.tree);
  return found;
}

/** Every place in prose matched by `pattern` (global, sticky-free), as source offsets. */
function proseMatches(chapters, pattern, filter = () => true) {
  const places = [];
  for (const chapter of chapters) {
    if (!filter(chapter)) continue;
    for (const node of proseNodes(chapter)) {
      for (const match of node.value.matchAll(pattern)) places.push({ chapter, offset: node.start + match.index, match });
    }
  }
  return places;
}

const replaceAt = (text, start, end, by) => text.slice(0, start) + by + text.slice(end);

function edit(cls, detail, chapter, start, end, by, rules, allowed = []) {
  return { cls, detail, writes: { [chapter.path]: replaceAt(chapter.source, start, end, by) }, moves: [], expect: { file: chapter.path, line: lineOf(chapter.source, start), rules }, allowed };
}

const traditionalPath = (path) => /(^|\/)(zh[-_](tw|hk|hant)|pages\.zh_TW)(\/|$)/i.test(path);
const simplifiedPath = (chapter) => !traditionalPath(chapter.path);
const cjkContext = (text, i, before = 1, after = 1) => isHan(text[i - before]) && isHan(text[i + after]);

/** `，` between Chinese characters → `,` (a naive converter, or a Latin keyboard). */
function comma(book, rand) {
  const places = proseMatches(book.chapters, /(?<=\p{Script=Han})，(?=\p{Script=Han})/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset } = pick(rand, places);
  return edit('comma', '，→,', chapter, offset, offset + 1, ',', ['zh-punctuation-width']);
}

/** One of `：；！？（）` next to Chinese text flattened to ASCII: mixed widths in one sentence. */
function width(book, rand) {
  const flat = { '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' };
  const places = proseMatches(book.chapters, /(?<=\p{Script=Han})[：；！？（]|）(?=\p{Script=Han})/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  return edit('width', `${match[0]}→${flat[match[0]]}`, chapter, offset, offset + 1, flat[match[0]], ['zh-punctuation-width']);
}

/** Whether the clause before `i` is Chinese as zh-punctuation-width measures it: more Han characters than Latin letters. */
function chineseClauseBefore(text, i) {
  const from = Math.max(...['。', '！', '？', '；', '，', '：', '\n'].map((mark) => text.lastIndexOf(mark, i - 1))) + 1;
  const clause = text.slice(from, i);
  const han = clause.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han >= (clause.match(/[A-Za-z]/g)?.length ?? 0);
}

/**
 * A Chinese clause that ends in a Latin word, its `。` or `：` at the end of the line flattened to ASCII
 * (`安装 Docker.`, `例如 Dockerfile:`): the real fix docker_practice made between 2018 and 2026.
 */
function clauseEndLatin(book, rand) {
  const flat = { '。': '.', '：': ':' };
  const places = proseMatches(book.chapters, /(?<=[A-Za-z0-9])[。：](?=\n|$)/g).filter(
    // Not after a path (`迁移到 /storage/docker.`, `I/O.`): a path's spans keep its trailing period.
    ({ chapter, offset }) =>
      (offset + 1 >= chapter.source.length || /[\r\n]/.test(chapter.source[offset + 1])) && chineseClauseBefore(chapter.source, offset) && !/\/\S*$/.test(chapter.source.slice(Math.max(0, offset - 40), offset)),
  );
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  return edit('clause-end-latin', `${match[0]}→${flat[match[0]]} after a Latin word`, chapter, offset, offset + 1, flat[match[0]], ['zh-punctuation-width']);
}

/**
 * An autolink's scheme colon made full-width (`<https：//crates.io>`), as a script that makes colons
 * full-width in Chinese text does (tldr-pages/tldr#2897; one is left in tldr-zh).
 */
function schemeColon(book, rand) {
  const places = [];
  for (const chapter of book.chapters.filter(simplifiedPath)) {
    const visit = (node) => {
      const start = node.position?.start.offset;
      if (node.type === 'link' && start !== undefined && /^<https?:\/\//.test(chapter.source.slice(start, start + 9))) places.push({ chapter, offset: chapter.source.indexOf(':', start) });
      for (const child of node.children ?? []) visit(child);
    };
    visit(chapter.tree);
  }
  if (places.length === 0) return undefined;
  const { chapter, offset } = pick(rand, places);
  return edit('scheme-colon', `<${chapter.source.slice(offset - 5, offset).replace(/^<|^h?</, '')}：//`, chapter, offset, offset + 1, '：', ['zh-punctuation-width']);
}

/**
 * A link typed apart: a space between `]` and `(`, or the parentheses typed full-width by a Chinese input
 * method (`[官方文档]（https://…）`); KaiserY/trpl-zh-cn#350 fixed one.
 */
function linkApart(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    const visit = (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (node.type === 'link' && start !== undefined && end !== undefined) {
        const written = chapter.source.slice(start, end);
        const m = /^\[([^[\]\n]+)\]\(([^()\s]+)\)$/.exec(written);
        // Not when the text is also a defined reference (it would stay a link).
        if (m && /^(?:[a-z]+:|\.{0,2}\/|#|[^\s/]+\/|\S*\.md\b)/i.test(m[2]) && !chapter.source.includes(`[${m[1]}]:`)) places.push({ chapter, start, end, written, text: m[1] });
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(chapter.tree);
  }
  if (places.length === 0) return undefined;
  const { chapter, start, end, written, text } = pick(rand, places);
  const broken = rand() < 0.5 ? `${written.slice(0, text.length + 2)} ${written.slice(text.length + 2)}` : `${written.slice(0, text.length + 2)}（${written.slice(text.length + 3, -1)}）`;
  // The injected marks are prose now: a space after `）`, `(…)` by Chinese text are rightly reported too.
  return edit('link-apart', broken, chapter, start, end, broken, ['link-not-rendered'], ['autolink-swallows-cjk', 'zh-space-around-fullwidth', 'zh-punctuation-width']);
}

/**
 * A `|` not written `\\|` inside a table cell's inline code (`` `ps aux|grep` ``): the cell splits in two and
 * the row's last cell is dropped (SocialSisterYi/bilibili-API-collect#496).
 */
function tablePipe(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    const visit = (node, cell) => {
      const start = node.position?.start.offset;
      if (cell && node.type === 'inlineCode' && start !== undefined && node.value.includes(' ') && !node.value.includes('|')) places.push({ chapter, offset: start + 1 + node.value.indexOf(' '), code: node.value });
      for (const child of node.children ?? []) visit(child, cell || node.type === 'tableCell');
    };
    visit(chapter.tree, false);
  }
  if (places.length === 0) return undefined;
  const { chapter, offset, code } = pick(rand, places);
  return edit('table-pipe', `\`${code.replace(' ', '|')}\``, chapter, offset, offset + 1, '|', ['table-extra-cells'], ['zh-spacing', 'zh-punctuation-width']);
}

/** A space between Chinese and a Latin word removed where the chapter writes one. */
function spacing(book, rand) {
  const places = proseMatches(book.chapters, /(?<=\p{Script=Han}) (?=[A-Za-z]{2,})|(?<=[A-Za-z]{2,}) (?=\p{Script=Han})/gu, simplifiedPath);
  if (places.length === 0) return undefined;
  const { chapter, offset } = pick(rand, places);
  return edit('spacing', 'space removed', chapter, offset, offset + 1, '', ['zh-spacing']);
}

/**
 * Emphasis that CommonMark does not render: closed after full-width punctuation before a Chinese character
 * (`**注意：**后文`), or opened before full-width punctuation after one (`使用**“镜像”**命令`, `**（配比）**`).
 */
function emphasis(book, rand) {
  const closing = /\p{Script=Han}{2,6}[，。：；！？、](?=\p{Script=Han})/gu;
  const opening = /(?<=\p{Script=Han})(?:（\p{Script=Han}{1,8}）|“\p{Script=Han}{1,10}”|《\p{Script=Han}{1,10}》|「\p{Script=Han}{1,10}」)(?=\p{Script=Han})/gu;
  const places = proseMatches(book.chapters, rand() < 0.5 ? closing : opening);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const end = offset + match[0].length;
  const mark = rand() < 0.8 ? '**' : '*';
  return edit('emphasis', `${mark}${match[0]}${mark}`, chapter, offset, end, `${mark}${match[0]}${mark}`, ['emphasis-not-rendered']);
}

/** A space typed next to full-width punctuation (`中文， 中文`, `中文 。`). */
function spaceFullwidth(book, rand) {
  const places = proseMatches(book.chapters, /(?<=\p{Script=Han})[，。；：！？、](?=\p{Script=Han})/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const after = rand() < 0.6;
  const at = after ? offset + 1 : offset;
  return edit('space-fullwidth', after ? `${match[0]}␠` : `␠${match[0]}`, chapter, at, at, ' ', ['zh-space-around-fullwidth']);
}

/** A Chinese ellipsis or dash typed with Latin marks (`……` → `...`, `——` → `--`). */
function ellipsis(book, rand) {
  const places = proseMatches(book.chapters, /……|——/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const by = match[0] === '……' ? pick(rand, ['...', '。。。', '…']) : pick(rand, ['--', '—']);
  return edit('ellipsis', `${match[0]}→${by}`, chapter, offset, offset + 2, by, ['zh-ellipsis-dash', 'zh-punctuation-width']);
}

/** A clause mark typed twice, or over another (`，，`, `。，`, `：:`): a slip of the keyboard or of an edit joining two sentences. */
function repeated(book, rand) {
  const places = proseMatches(book.chapters, /(?<=\p{Script=Han})[，。；：、](?=\p{Script=Han})/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const mark = match[0];
  const by = pick(rand, [mark + mark, mark === '，' ? '，。' : `${mark}，`, `${mark}${{ '，': ',', '。': '.', '；': ';', '：': ':', '、': ',' }[mark]}`]);
  return edit('repeated', `${mark}→${by}`, chapter, offset, offset + 1, by, ['zh-punctuation-repeated', 'zh-ellipsis-dash', 'zh-punctuation-width']);
}

/** Both parentheses around Chinese text typed half-width: `（说明）` → `(说明)`. */
function parens(book, rand) {
  const places = proseMatches(book.chapters, /（\p{Script=Han}[^（）\n]{0,20}）/gu);
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const by = `(${match[0].slice(1, -1)})`;
  return edit('parens', `${match[0]}→${by}`, chapter, offset, offset + match[0].length, by, ['zh-punctuation-width']);
}

/** A heading without the space after its `#`s (`##安装`): CommonMark reads a paragraph. */
function headingSpace(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    for (const heading of chapter.headings) {
      const start = heading.position?.start.offset;
      if (start === undefined || heading.depth < 2) continue;
      const m = /^(#{2,6}) (?=\p{Script=Han})/u.exec(chapter.source.slice(start, start + 8));
      if (m) places.push({ chapter, start: start + m[1].length });
    }
  }
  if (places.length === 0) return undefined;
  const { chapter, start } = pick(rand, places);
  return edit('heading-space', 'space after # removed', chapter, start, start + 1, '', ['heading-missing-space'], ['link-missing-anchor', 'heading-increment', 'mirror-heading-structure', 'mirror-paragraphs', 'contents-title-mismatch', 'zh-spacing', 'zh-space-around-fullwidth']);
}

/** A reference link whose label no longer matches its definition (`[镜像][image]` with `[images]: …`). */
function reference(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    for (const ref of chapter.references) {
      if (!ref.position) continue;
      const text = chapter.source.slice(ref.position.start.offset, ref.position.end.offset);
      const m = /\]\[([^\]]+)\]$/.exec(text);
      if (m) places.push({ chapter, at: ref.position.end.offset - 1 - m[1].length, label: m[1] });
    }
  }
  if (places.length === 0) return undefined;
  const { chapter, at, label } = pick(rand, places);
  const by = label.length > 2 ? label.slice(0, -1) : `${label}x`;
  return edit('reference', `[${label}] → [${by}]`, chapter, at, at + label.length, by, ['reference-undefined'], ['definition-unused']);
}

/** A link whose file name has another letter case than the file (works on macOS and Windows, breaks on the published site). */
function linkCase(book, rand) {
  const usable = book.chapters
    .flatMap((chapter) => localLinks(chapter, ['link', 'image']).map((link) => ({ chapter, link })))
    .filter(({ chapter, link }) => urlOffset(chapter, link) !== -1 && /[a-z][^/]*\.[a-z]+$/.test(link.url.split(/[?#]/)[0]) && book.resolves(chapter.path, link.url));
  if (usable.length === 0) return undefined;
  const { chapter, link } = pick(rand, usable);
  const path = link.url.split(/[?#]/)[0];
  const name = path.lastIndexOf('/') + 1;
  const i = name + path.slice(name).search(/[a-z]/);
  const broken = path.slice(0, i) + path[i].toUpperCase() + path.slice(i + 1);
  const at = urlOffset(chapter, link);
  return edit('link-case', `${path} → ${broken}`, chapter, at, at + path.length, broken, ['link-case-mismatch']);
}

/** A new chapter file added to a folder of the book and never listed in the contents. */
function unlisted(book, rand) {
  if (book.contents.length === 0) return undefined;
  const folders = [...new Set(book.chapters.map((c) => dirOf(c.path)))].filter((folder) => book.rootOf(`${folder}/x`) === book.rootOf(book.contents[0].path));
  if (folders.length === 0) return undefined;
  const folder = pick(rand, folders);
  const file = `${folder ? `${folder}/` : ''}${pick(rand, ['advanced', 'faq', 'summary', 'practice'])}-${Math.floor(rand() * 100)}.md`;
  if (book.chapters.some((c) => c.path === file)) return undefined;
  const text = '# 常见问题\n\n本节回答使用中最常遇到的问题。\n';
  return { cls: 'unlisted', detail: file, writes: { [file]: text }, creates: [file], moves: [], expect: { file, line: 1, rules: ['contents-orphan'] }, allowed: [] };
}

/** What the seed's character-by-character converter writes for a Traditional character it should have kept. */
const naive = { 係: '系', 於: '于', 裡: '里', 後: '后', 雲: '云', 誌: '志', 麵: '面', 幹: '干', 乾: '干', 隻: '只', 製: '制', 範: '范', 鬆: '松', 穀: '谷', 錶: '表', 準: '准', 衝: '冲', 餘: '余', 鬥: '斗', 髮: '发', 夥: '伙', 盪: '荡', 捲: '卷', 鬍: '胡', 彆: '别', 瞭: '了' };

/** In a zh-Hant/zh-TW/zh-HK file, one Traditional character written as the naive converter's: 關係 → 關系, 之後 → 之后. */
function naiveTraditional(book, rand) {
  const keys = Object.keys(naive).filter((ch) => ch !== '瞭').join('');
  const places = proseMatches(book.chapters, new RegExp(`[${keys}]`, 'gu'), (chapter) => traditionalPath(chapter.path));
  if (places.length === 0) return undefined;
  const { chapter, offset, match } = pick(rand, places);
  const text = chapter.source;
  const word = text.slice(Math.max(0, offset - 2), offset + 3);
  return edit('naive-traditional', `${word}: ${match[0]}→${naive[match[0]]}`, chapter, offset, offset + 1, naive[match[0]], ['zh-misconversion']);
}

/** A heading moved more than one level below the heading before it (`##` → `####`). */
function headingSkip(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    const outline = chapter.headings.filter((heading) => !heading.scope && heading.position);
    for (let i = 1; i < outline.length; i++) {
      const heading = outline[i];
      const before = outline[i - 1];
      const start = heading.position.start.offset;
      if (heading.depth > 4 || heading.depth > before.depth + 1 || chapter.source[start] !== '#') continue;
      // The heading's own section must not hold deeper headings (they would skip too, or stop skipping).
      const next = outline[i + 1];
      if (next && next.depth > heading.depth) continue;
      places.push({ chapter, start, depth: heading.depth, to: before.depth + 2 });
    }
  }
  if (places.length === 0) return undefined;
  const { chapter, start, depth, to } = pick(rand, places);
  return edit('heading-skip', `h${depth}→h${to}`, chapter, start, start + depth, '#'.repeat(to), ['heading-increment'], ['mirror-heading-structure']);
}

/** An explicit heading id `{#id}` repeated on another heading of the same chapter. */
function duplicateId(book, rand) {
  const places = [];
  for (const chapter of book.chapters) {
    const withId = chapter.headings.filter((heading) => heading.id && heading.position);
    for (let i = 1; i < withId.length; i++) places.push({ chapter, heading: withId[i], id: withId[rand() < 0.5 ? i - 1 : 0].id });
  }
  if (places.length === 0) return undefined;
  const { chapter, heading, id } = pick(rand, places);
  const { start, end } = { start: heading.position.start.offset, end: heading.position.end.offset };
  const at = chapter.source.lastIndexOf(`{#${heading.id}`, end);
  if (at < start || heading.id === id) return undefined;
  return edit('duplicate-id', `{#${heading.id}} → {#${id}}`, chapter, at + 2, at + 2 + heading.id.length, id, ['heading-duplicate-id'], ['link-missing-anchor']);
}

/** Local links and images of a chapter with their offsets (Markdown syntax only). */
function localLinks(chapter, kinds) {
  return chapter.links.filter((link) => kinds.includes(link.kind) && link.position && !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link.url) && link.url !== '');
}

/** The offset of a link's target in the source (the first occurrence of its URL inside the link). */
function urlOffset(chapter, link) {
  const at = chapter.source.indexOf(link.url, link.position.start.offset);
  return at === -1 || at >= link.position.end.offset ? -1 : at;
}

const dirOf = (path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const depthOf = (path) => (path.includes('/') ? path.split('/').length - 1 : 0);

/** A local image path with a typo in its file name (a letter dropped, or another extension). */
function image(book, rand) {
  const places = book.chapters.flatMap((chapter) => localLinks(chapter, ['image', 'html-image']).map((link) => ({ chapter, link })));
  const usable = places.filter(({ chapter, link }) => urlOffset(chapter, link) !== -1 && /[^/]\.(png|jpe?g|gif|svg|webp)$/i.test(link.url.split(/[?#]/)[0]) && !book.baselineAt('image-missing', chapter.path, link.position.start.line));
  if (usable.length === 0) return undefined;
  const { chapter, link } = pick(rand, usable);
  const at = urlOffset(chapter, link);
  const path = link.url.split(/[?#]/)[0];
  const dot = path.lastIndexOf('.');
  const name = path.lastIndexOf('/') + 1;
  const broken = rand() < 0.5 && dot - name > 2 ? path.slice(0, dot - 1) + path.slice(dot) : path.slice(0, dot) + (/png/i.test(path.slice(dot)) ? '.jpg' : '.png');
  return edit('image', `${path} → ${broken}`, chapter, at, at + path.length, broken, ['image-missing']);
}

/** A link to a chapter with a typo in the file name. */
function linkFile(book, rand) {
  const usable = book.chapters
    .flatMap((chapter) => localLinks(chapter, ['link', 'definition']).map((link) => ({ chapter, link })))
    .filter(({ chapter, link }) => urlOffset(chapter, link) !== -1 && /[^/]{3,}\.mdx?$/i.test(link.url.split(/[?#]/)[0]) && book.resolves(chapter.path, link.url));
  if (usable.length === 0) return undefined;
  const { chapter, link } = pick(rand, usable);
  const at = urlOffset(chapter, link);
  const path = link.url.split(/[?#]/)[0];
  const dot = path.lastIndexOf('.');
  const broken = path.slice(0, dot - 1) + path.slice(dot);
  return edit('link-file', `${path} → ${broken}`, chapter, at, at + path.length, broken, ['link-missing-file', 'link-case-mismatch']);
}

/** A relative link that climbs above the book root (`../../README.md` written from a chapter one level down). */
function outside(book, rand) {
  const usable = book.chapters
    .flatMap((chapter) => localLinks(chapter, ['link', 'image', 'definition']).map((link) => ({ chapter, link })))
    .filter(({ chapter, link }) => urlOffset(chapter, link) !== -1 && !link.url.startsWith('/') && book.resolves(chapter.path, link.url));
  if (usable.length === 0) return undefined;
  const { chapter, link } = pick(rand, usable);
  const at = urlOffset(chapter, link);
  const root = book.rootOf(chapter.path);
  const climb = '../'.repeat(depthOf(root ? chapter.path.slice(root.length + 1) : chapter.path) + 1);
  return edit('outside', `${link.url} → ${climb}${link.url}`, chapter, at, at, climb, ['link-outside-book']);
}

/** Decoded fragment of a link to a heading, with the chapter it names. */
function anchorLinks(book) {
  const found = [];
  for (const chapter of book.chapters) {
    for (const link of chapter.links) {
      if (link.kind !== 'link' || !link.position || !link.url.includes('#') || /^[a-z][a-z0-9+.-]*:/i.test(link.url)) continue;
      const [path, fragment] = [link.url.slice(0, link.url.indexOf('#')), link.url.slice(link.url.indexOf('#') + 1)];
      if (!fragment) continue;
      const target = path === '' ? chapter : book.chapterAt(chapter.path, path);
      if (!target) continue;
      let decoded = fragment;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {}
      found.push({ chapter, link, target, fragment: decoded });
    }
  }
  return found;
}

/** A heading renamed (a word added to it, or its explicit id changed) while links still name its old anchor. */
function anchor(book, rand) {
  const usable = [];
  for (const item of anchorLinks(book)) {
    if (book.baselineAt('link-missing-anchor', item.chapter.path, item.link.position.start.line)) continue;
    const heading = item.target.headings.find((h) => h.position && (h.id ?? h.slug).toLowerCase() === item.fragment.toLowerCase() && h.depth > 1);
    if (heading) usable.push({ ...item, heading });
  }
  if (usable.length === 0) return undefined;
  const { chapter, link, target, heading } = pick(rand, usable);
  const { start, end } = heading.position.start.offset !== undefined ? { start: heading.position.start.offset, end: heading.position.end.offset } : {};
  const line = target.source.slice(start, end);
  let renamed;
  if (heading.id) renamed = line.replace(`{#${heading.id}`, `{#${heading.id}-${pick(rand, ['new', 'old', 'x'])}`);
  else {
    const body = line.replace(/\s+#+\s*$/, '');
    renamed = /\p{Script=Han}/u.test(body) ? `${body}${pick(rand, ['简介', '概述', '示例', '说明'])}` : `${body} ${pick(rand, ['overview', 'details', 'example'])}`;
    renamed += line.slice(body.length);
  }
  const writes = { [target.path]: replaceAt(target.source, start, end, renamed) };
  return { cls: 'anchor', detail: `${link.url}: ${line} → ${renamed}`, writes, moves: [], expect: { file: chapter.path, line: link.position.start.line, rules: ['link-missing-anchor'] }, allowed: ['link-missing-anchor', 'contents-title-mismatch', 'mirror-heading-structure'] };
}

/** Leaf lines of the contents lists (a list item with a link and no child items). */
function contentsLeaves(book) {
  const leaves = [];
  for (const contents of book.contents) {
    const lines = contents.source.split('\n');
    let offset = 0;
    lines.forEach((line, i) => {
      const item = /^(\s*)[-*+]\s+\[[^\]]*\]\(([^)#\s]+\.mdx?)\)\s*$/i.exec(line);
      const next = lines[i + 1] ?? '';
      const indent = (text) => /^\s*/.exec(text)[0].replace(/\t/g, '    ').length;
      if (item && !(next.trim() && /^\s*[-*+]\s/.test(next) && indent(next) > indent(line))) leaves.push({ contents, line: i + 1, start: offset, end: offset + line.length + 1, target: item[2] });
      offset += line.length + 1;
    });
  }
  return leaves.filter((leaf) => book.chapterAt(leaf.contents.path, leaf.target));
}

/** A chapter's entry deleted from the contents list: the chapter is still in the book, but no reader reaches it. */
function contentsEntry(book, rand) {
  const once = contentsLeaves(book).filter((leaf, _, all) => all.filter((other) => book.chapterAt(other.contents.path, other.target) === book.chapterAt(leaf.contents.path, leaf.target)).length === 1);
  if (once.length === 0) return undefined;
  const leaf = pick(rand, once);
  const chapter = book.chapterAt(leaf.contents.path, leaf.target);
  const writes = { [leaf.contents.path]: replaceAt(leaf.contents.source, leaf.start, leaf.end, '') };
  return { cls: 'contents-entry', detail: `${leaf.contents.path}:${leaf.line} ${leaf.target}`, writes, moves: [], expect: { file: chapter.path, line: 1, rules: ['contents-orphan'] }, allowed: ['link-to-unlisted'] };
}

/** A chapter moved to another folder without its contents entry or the links to it following. */
function move(book, rand) {
  const leaves = contentsLeaves(book);
  const linked = [];
  if (leaves.length > 0) {
    for (const leaf of leaves) linked.push({ chapter: book.chapterAt(leaf.contents.path, leaf.target), expect: { file: leaf.contents.path, line: leaf.line, rules: ['contents-missing-file'] } });
  } else {
    for (const chapter of book.chapters) {
      for (const link of localLinks(chapter, ['link'])) {
        const target = book.chapterAt(chapter.path, link.url.split('#')[0]);
        if (target && target !== chapter && book.resolves(chapter.path, link.url)) linked.push({ chapter: target, expect: { file: chapter.path, line: link.position.start.line, rules: ['link-missing-file'] } });
      }
    }
  }
  if (linked.length === 0) return undefined;
  const { chapter, expect } = pick(rand, linked);
  const folders = [...new Set(book.chapters.map((c) => dirOf(c.path)))].filter((folder) => folder !== dirOf(chapter.path) && book.rootOf(folder + '/x') === book.rootOf(chapter.path));
  const folder = folders.length > 0 ? pick(rand, folders) : dirOf(chapter.path);
  const name = chapter.path.slice(chapter.path.lastIndexOf('/') + 1);
  const to = folder === dirOf(chapter.path) ? `${folder ? folder + '/' : ''}old-${name}` : `${folder ? folder + '/' : ''}${name}`;
  if (book.chapters.some((c) => c.path === to)) return undefined;
  const rules = ['contents-missing-file', 'contents-orphan', 'link-missing-file', 'link-missing-anchor', 'image-missing', 'link-to-unlisted', 'link-outside-book', 'contents-title-mismatch', 'mirror-missing-file', 'mirror-orphan', 'file-case-twin'];
  return { cls: 'move', detail: `${chapter.path} → ${to}`, writes: {}, moves: [[chapter.path, to]], expect, allowed: rules };
}

/** Chinese text of a node outside inline code. */
const proseOf = (node) => (node.type === 'text' ? node.value : node.type === 'inlineCode' ? '' : (node.children ?? []).map(proseOf).join(''));

/** Paragraphs of a chapter (top level, with Chinese prose outside inline code: not tldr's command lines). */
function paragraphs(chapter) {
  return chapter.tree.children.filter((node) => node.type === 'paragraph' && node.position && han.test(proseOf(node)));
}

/** In one edition of a mirrored pair, a paragraph dropped or added (a source paragraph copied in). */
function mirrorParagraph(book, rand) {
  const pairs = book.mirrorPairs();
  if (pairs.length === 0) return undefined;
  // A pair that has drifted already (mirror findings in the baseline) hides a second drift: inject into pairs in step.
  const usable = pairs.filter(([source, mirror]) => paragraphs(source).length > 0 && paragraphs(mirror).length > 0 && !book.baselineHas(/^mirror-/, mirror.path));
  if (usable.length === 0) return undefined;
  const [source, mirror] = pick(rand, usable);
  const side = rand() < 0.5 ? mirror : source;
  const node = pick(rand, paragraphs(side));
  const { start, end } = { start: node.position.start.offset, end: node.position.end.offset };
  const drop = rand() < 0.5;
  const text = drop ? replaceAt(side.source, start, end + (side.source[end] === '\n' ? 1 : 0), '') : replaceAt(side.source, end, end, `\n\n${side.source.slice(start, end).replace(/。/, '，另外，')}`);
  const detail = `${drop ? 'dropped' : 'added'} a paragraph of ${side.path}:${node.position.start.line}`;
  // An added paragraph is a copy: what the rules find in it, they found in the original too.
  const copied = drop ? undefined : { file: side.path, from: node.position.end.line + 2, to: node.position.end.line + 2 + node.position.end.line - node.position.start.line };
  return { cls: 'mirror-paragraph', detail, copied, writes: { [side.path]: text }, moves: [], expect: { file: mirror.path, line: 0, rules: ['mirror-prose-ratio', 'mirror-stale', 'mirror-paragraphs', 'mirror-list-items', 'mirror-code-mismatch', 'mirror-heading-structure'] }, allowed: ['mirror-prose-ratio', 'mirror-list-items', 'mirror-code-mismatch', 'mirror-link-target', 'mirror-command-mismatch', 'mirror-untranslated', 'mirror-paragraphs'] };
}

/** The injectors by class name. */
export const injectors = {
  anchor,
  'contents-entry': contentsEntry,
  move,
  image,
  'link-file': linkFile,
  emphasis,
  comma,
  width,
  'clause-end-latin': clauseEndLatin,
  'scheme-colon': schemeColon,
  'link-apart': linkApart,
  'table-pipe': tablePipe,
  spacing,
  'naive-traditional': naiveTraditional,
  'mirror-paragraph': mirrorParagraph,
  'heading-skip': headingSkip,
  'heading-space': headingSpace,
  'space-fullwidth': spaceFullwidth,
  ellipsis,
  parens,
  repeated,
  reference,
  'link-case': linkCase,
  unlisted,
  'duplicate-id': duplicateId,
  outside,
};
