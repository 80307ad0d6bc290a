/**
 * # autolink-swallows-cjk
 *
 * A bare URL (a GFM autolink literal) followed directly by Chinese text:
 * GFM extends the link to the next space, so `见 https://example.com/a中文说明`
 * links `中文说明` too, and `https://example.com，然后` links `，然后`.
 * Reported at the first full-width punctuation mark in the link, or at the
 * first Chinese character that follows a letter, digit or `.` of the URL
 * (a Chinese path segment such as `https://zh.wikipedia.org/wiki/镜像` is
 * left alone). Fixable: inserts a space where the URL should end.
 *
 * ```markdown
 * 见 https://example.com/a 中文说明      <!-- fine -->
 * 见 <https://example.com/a>中文说明     <!-- fine -->
 * 见 https://example.com/a中文说明       <!-- reported, fixed with a space before 中 -->
 * ```
 */
import type { Link } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { offsetsOf, walk } from '../lib/walk.js';

/** Full-width and CJK punctuation: never part of a URL written in prose. */
const cjkPunctuation = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026]/u;
const cjkLetter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export default defineChapterRule({
  meta: {
    id: 'autolink-swallows-cjk',
    family: 'structure',
    scope: 'chapter',
    description: 'Bare URLs must not run into the Chinese text after them',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['url'],
  },
  check({ chapter, report }) {
    const source = chapter.source;
    const check = (link: Link): void => {
      const offsets = offsetsOf(link);
      if (!offsets) return;
      const { start, end } = offsets;
      const text = source.slice(start, end);
      // Only literal autolinks: not `[text](url)`, not `<url>`.
      if (text.startsWith('[') || text.startsWith('<')) return;
      let cut = -1;
      let previous = '';
      let index = 0;
      for (const char of text) {
        if (cjkPunctuation.test(char) || (cjkLetter.test(char) && /[A-Za-z\d.]/.test(previous))) {
          cut = index;
          break;
        }
        previous = char;
        index += char.length;
      }
      if (cut <= 0) return;
      const swallowed = text.slice(cut);
      report({
        start: start + cut,
        end,
        message: `Unexpected \`${swallowed}\` inside the bare URL \`${text}\`, expected a space (or \`<…>\`) to end the URL before \`${swallowed}\``,
        fix: [{ start: start + cut, end: start + cut, text: ' ' }],
      });
    };
    walk(chapter.tree, (node) => {
      if (node.type === 'link') {
        check(node);
        return false;
      }
      return node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html';
    });
  },
});
