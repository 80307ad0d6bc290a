/**
 * micromark's subtokenize, as patched by this repository
 * (patches/micromark-util-subtokenize@2.1.0.patch): its jumps and gaps are Maps, not objects with
 * integer keys, and it gives the same events as the published code. The published code is the
 * installed file with the patch taken back (each hunk's added lines replaced by its removed
 * lines), loaded as a module of its own; both run on the same tokenizer output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { parse, postprocess, preprocess } from 'micromark';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { syntaxOf } from '@tongwen/book';
import { fromMarkdownOptionsFor } from '../src/lib/extensions.js';
import { mdxCompatible } from '../src/lib/mdx.js';

const patchFile = path.join(repoRoot, 'patches', 'micromark-util-subtokenize@2.1.0.patch');
const fromMicromark = createRequire(createRequire(import.meta.url).resolve('micromark'));
// `index.js`, or `dev/index.js` under the `development` condition (vitest's).
const installed = fromMicromark.resolve('micromark-util-subtokenize');
const installedName = installed.slice(installed.lastIndexOf(`micromark-util-subtokenize${path.sep}`) + 'micromark-util-subtokenize/'.length).split(path.sep).join('/');

/** The lines a patch removes and adds in `file`, hunk by hunk. */
function hunksOf(patch: string, file: string): Array<{ removed: string[]; added: string[] }> {
  const section = patch.split(/^diff --git /m).find((part) => part.startsWith(`a/${file} `)) ?? '';
  return section
    .split(/^@@[^\n]*\n/m)
    .slice(1)
    .map((hunk) => {
      // The text after a hunk's last line ends it (an empty string after the split).
      const lines = hunk.split('\n').filter((line) => line !== '');
      const context = (line: string): boolean => line.startsWith(' ');
      // Each side of a hunk with its context: the text to find (patched) and what it was (published).
      return { added: lines.filter((line) => context(line) || line.startsWith('+')).map((line) => line.slice(1)), removed: lines.filter((line) => context(line) || line.startsWith('-')).map((line) => line.slice(1)) };
    });
}

/** The published `index.js`: the installed (patched) text with every hunk taken back. */
function publishedSource(): string {
  let text = readFileSync(installed, 'utf8');
  for (const { removed, added } of hunksOf(readFileSync(patchFile, 'utf8'), installedName)) {
    const patched = added.join('\n');
    expect(text.includes(patched), 'the installed file holds the patched hunk').toBe(true);
    text = text.replace(patched, removed.join('\n'));
  }
  return text;
}

type Subtokenize = (events: Event[]) => boolean;

/** The published subtokenize, loaded from a data URL whose imports point at the installed files. */
async function publishedSubtokenize(): Promise<Subtokenize> {
  const fromPackage = createRequire(installed);
  const source = publishedSource().replace(/from '([^']+)'/g, (_, specifier: string) => `from '${pathToFileURL(fromPackage.resolve(specifier)).href}'`);
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { subtokenize: Subtokenize };
  return module.subtokenize;
}

/** The tokenizer's events before subtokenizing, as `parseMarkdown` reads the text. */
function documentEvents(text: string, mdx: boolean): Event[] {
  const parser = parse({ extensions: fromMarkdownOptionsFor(text, mdx).extensions });
  return parser.document().write(preprocess()(text, undefined, true));
}

/** Events as comparable text: kind, token type and offsets. */
function described(events: readonly Event[]): string[] {
  return events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`);
}

function eventsAgree(subtokenize: Subtokenize, text: string, mdx = false): void {
  const reference = documentEvents(text, mdx);
  while (!subtokenize(reference)) {
    // As micromark's postprocess does.
  }
  expect(described(postprocess(documentEvents(text, mdx)))).toEqual(described(reference));
}

/** Texts with every construct that holds content or text (written for this test). */
const texts = [
  '# 标题\n\n段落 *强调* **加粗** `代码` [链接](/a) ![图](/i.png)\n第二行\n',
  '- 一\n- 二\n  - 嵌套 [引用]\n\n    续段\n\n1. 甲\n2. 乙\n\n> 引用\n> - 列表\n懒续行\n\n[引用]: /ref "标题"\n',
  '| a | b |\n| - | - |\n| `x|y` | **z** |\n\n- [ ] 待办\n- [x] 完成\n\n脚注[^1] ~~删除~~ www.example.com\n\n[^1]: 注释\n    续行\n',
  '---\ntitle: 标题\n---\n\n$$\nx\n$$\n\n<div>\n块\n</div>\n\n设置\n===\n\n    缩进\n',
  '[a [b [c\n\n* a\n\n  > b\n*\n* c\n\r\n𠮷 &amp; \\*\n',
];

describe('micromark-util-subtokenize as patched', () => {
  it('gives the events of the published code on texts with every content construct', async () => {
    const subtokenize = await publishedSubtokenize();
    for (const text of texts) eventsAgree(subtokenize, text);
  });

  it('takes the patch back to a different text (the patch is applied)', () => {
    expect(publishedSource()).not.toBe(readFileSync(installed, 'utf8'));
    expect(publishedSource()).toMatch(/Object\.assign\(jumps, subcontent\(events, index\)\)/);
  });

  describe.skipIf(!hasShared)('every corpus chapter', () => {
    it(`gives the events of the published code${hasShared ? '' : ` (${sharedSkipReason})`}`, async () => {
      const subtokenize = await publishedSubtokenize();
      const root = corpusPath();
      let chapters = 0;
      for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const mdx = syntaxOf(file) === 'mdx';
        const source = readFileSync(file, 'utf8');
        eventsAgree(subtokenize, mdx ? mdxCompatible(source) : source, mdx);
        chapters++;
      }
      expect(chapters).toBeGreaterThan(1000);
    }, 600_000);
  });
});
