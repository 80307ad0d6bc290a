import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runConvert } from '../src/commands/convert.js';
import { manifestName } from '../src/convert/manifest.js';
import { tempBook } from './helpers.js';

async function convert(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runConvert(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xe9, 0x87, 0x8c]);

function book(): string {
  return tempBook({
    'src/SUMMARY.md': '# 目录\n\n* [关系](a/rel.md#关系)\n* [之后](b.md)\n',
    'src/a/rel.md': '\uFEFF# 关系\r\n\r\n运行于环境里，见 [之后](../b.md#之后)。\r\n\r\n```sh\necho 里\n```\r\n',
    'src/b.md': '## 之后\n\n![图里](../img/里.png)\n',
    'src/img/里.png': png,
    'src/.git/HEAD': 'ref: 里\n',
    'src/node_modules/x/里.md': '里\n',
    'src/.hidden/里.md': '里\n',
  });
}

const read = (root: string, file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('tongwen convert', () => {
  test('converts the book: prose only, BOM and CRLF kept, anchors follow, other files and dot-folders copied as they are, .git and node_modules skipped', async () => {
    const root = book();
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '5 files: 3 converted, 5 written to out\n' });
    expect(read(root, 'out/SUMMARY.md')).toBe('# 目錄\n\n* [關係](a/rel.md#關係)\n* [之後](b.md)\n');
    expect(read(root, 'out/a/rel.md')).toBe('\uFEFF# 關係\r\n\r\n執行於環境裡，見 [之後](../b.md#之後)。\r\n\r\n```sh\necho 里\n```\r\n');
    expect(read(root, 'out/b.md')).toBe('## 之後\n\n![圖裡](../img/里.png)\n');
    expect(new Uint8Array(readFileSync(path.join(root, 'out/img/里.png')))).toEqual(png);
    expect(read(root, 'out/.hidden/里.md')).toBe('里\n');
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.hidden', manifestName, 'SUMMARY.md', 'a', 'b.md', 'img']);
  });

  test('converts MDX chapters: prose inside components converted; import lines, JSX attributes and expressions kept', async () => {
    const root = tempBook({ 'src/a.mdx': "import Tip from './tip.js';\n\n# 关于之后\n\n<Tip title=\"里面\">\n\n运行于环境里。\n\n</Tip>\n\n{/* 里面的注释 */}\n" });
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '1 files: 1 converted, 1 written to out\n' });
    expect(read(root, 'out/a.mdx')).toBe("import Tip from './tip.js';\n\n# 關於之後\n\n<Tip title=\"里面\">\n\n執行於環境裡。\n\n</Tip>\n\n{/* 里面的注释 */}\n");
  });

  test('incremental: unchanged inputs are skipped; a changed heading converts the chapters linking to it again', async () => {
    const root = book();
    await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).stderr).toBe('5 files: 0 converted, 0 written, 3 unchanged since the last run to out\n');
    writeFileSync(path.join(root, 'src/b.md'), '## 之后\n\n新的里\n');
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).stderr).toBe('5 files: 1 converted, 1 written, 2 unchanged since the last run to out\n');
    writeFileSync(path.join(root, 'src/b.md'), '## 以后\n\n新的里\n');
    writeFileSync(path.join(root, 'src/a/rel.md'), '# 关系\n\n见 [以后](../b.md#以后)。\n');
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result.stderr).toBe('5 files: 2 converted, 2 written, 1 unchanged since the last run to out\n');
    expect(read(root, 'out/a/rel.md')).toBe('# 關係\n\n見 [以後](../b.md#以後)。\n');
    // Other options: everything again.
    expect((await convert(['src', '--to', 'zh-Hant', '--out', 'out'], root)).stderr).toBe('5 files: 3 converted, 1 written to out\n');
    expect(read(root, 'out/b.md')).toBe('## 以後\n\n新的裏\n');
    // An output edited by hand is written again.
    writeFileSync(path.join(root, 'out/b.md'), 'edited\n');
    expect((await convert(['src', '--to', 'zh-Hant', '--out', 'out'], root)).stderr).toBe('5 files: 1 converted, 1 written, 2 unchanged since the last run to out\n');
  });

  test('a heading change reconverts a chapter whose links follow it even when that chapter did not change', async () => {
    const root = book();
    await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    writeFileSync(path.join(root, 'src/a/rel.md'), '\uFEFF# 关系\r\n\r\n见 [之后](../b.md#之后)。\r\n\r\n## 之后\r\n');
    writeFileSync(path.join(root, 'src/b.md'), '## 之后 {#之后}\n');
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result.stderr).toBe('5 files: 3 converted, 2 written to out\n');
    expect(read(root, 'out/a/rel.md')).toBe('\uFEFF# 關係\r\n\r\n見 [之後](../b.md#之后)。\r\n\r\n## 之後\r\n');
  });

  test('--check: exit 0 when the mirror is fresh, 1 with the stale files listed on stdout', async () => {
    const root = book();
    await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out', '--check'], root)).toEqual({ code: 0, stdout: '', stderr: 'out is up to date\n' });
    writeFileSync(path.join(root, 'src/b.md'), '## 之后\n\n改了\n');
    writeFileSync(path.join(root, 'src/new.md'), '新\n');
    const before = read(root, 'out/b.md');
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out', '--check'], root);
    expect(result).toEqual({ code: 1, stdout: 'b.md\nnew.md\n', stderr: '2 files of out differ from a fresh conversion of src; run the same command without --check\n' });
    expect(read(root, 'out/b.md')).toBe(before);
    expect(existsSync(path.join(root, 'out/new.md'))).toBe(false);
    expect((await convert(['src', '--to', 'zh-Hant', '--out', 'out', '--check'], root)).code).toBe(1);
  });

  test('--check and a re-conversion without flags take the options the manifest recorded; flags given win', async () => {
    const root = tempBook({ 'src/a.md': '# 软件\n\n打开“文件”。\n' });
    expect(await convert(['src', '--to', 'zh-TW', '--profile', 'phrases', '--quotes', 'keep', '--slug', 'gitbook', '--out', 'out'], root)).toEqual({ code: 0, stdout: '', stderr: '1 files: 1 converted, 1 written to out\n' });
    expect(read(root, 'out/a.md')).toBe('# 軟體\n\n開啟“檔案”。\n');
    expect(JSON.parse(read(root, `out/${manifestName}`)).meta).toEqual({ from: 'zh-Hans', to: 'zh-TW', profile: 'phrases', quotes: 'keep', code: 'none', slug: 'gitbook' });
    const recorded = 'tongwen convert: `--profile phrases`, `--quotes keep`, `--slug gitbook` as recorded in out/.tongwen-convert.json\n';
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out', '--check'], root)).toEqual({ code: 0, stdout: '', stderr: `${recorded}out is up to date\n` });
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).toEqual({ code: 0, stdout: '', stderr: `${recorded}1 files: 0 converted, 0 written, 1 unchanged since the last run to out\n` });
    // A flag given wins over the manifest (today's default quotes: corner).
    expect(await convert(['src', '--to', 'zh-TW', '--profile', 'phrases', '--quotes', 'corner', '--out', 'out', '--check'], root)).toEqual({
      code: 1,
      stdout: 'a.md\n',
      stderr: 'tongwen convert: `--slug gitbook` as recorded in out/.tongwen-convert.json\n1 file of out differs from a fresh conversion of src; run the same command without --check\n',
    });
    // A manifest of another direction records nothing for this one: today's defaults.
    expect(await convert(['src', '--to', 'zh-Hant', '--out', 'out', '--check'], root)).toMatchObject({ code: 1, stdout: 'a.md\n', stderr: '1 file of out differs from a fresh conversion of src; run the same command without --check\n' });
  });

  test('recorded options are untrusted input: a value the command would refuse is ignored (today\'s default)', async () => {
    const root = tempBook({ 'src/a.md': '打开“文件”。\n' });
    await convert(['src', '--to', 'zh-HK', '--out', 'out'], root);
    const file = path.join(root, `out/${manifestName}`);
    const manifest = JSON.parse(read(root, `out/${manifestName}`));
    expect(manifest.meta).toEqual({ from: 'zh-Hans', to: 'zh-HK', profile: 'characters', quotes: 'corner', code: 'none' });
    writeFileSync(file, JSON.stringify({ ...manifest, meta: { ...manifest.meta, profile: 'tech', quotes: 'fancy', code: 'some', slug: 'x' } }));
    expect(await convert(['src', '--to', 'zh-HK', '--out', 'out', '--check'], root)).toEqual({ code: 0, stdout: '', stderr: 'out is up to date\n' });
  });

  test('outputs whose source is gone are removed (and reported stale by --check)', async () => {
    const root = book();
    await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    writeFileSync(path.join(root, 'out/mine.md'), 'not written by tongwen\n');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, 'src/b.md'));
    // a/rel.md links to b.md#之后, which no longer follows a heading.
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out', '--check'], root)).toMatchObject({ code: 1, stdout: 'a/rel.md\nb.md\n' });
    await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(existsSync(path.join(root, 'out/b.md'))).toBe(false);
    expect(existsSync(path.join(root, 'out/mine.md'))).toBe(true);
  });

  test('a Markdown file that is not UTF-8: named, copied unchanged, the others converted, exit 2', async () => {
    const bad = new Uint8Array([0x23, 0x20, 0xb9, 0xd8, 0xcf, 0xb5, 0x0a]);
    const root = tempBook({ 'src/gbk.md': bad, 'src/ok.md': '关系\n' });
    const result = await convert(['src', '--to', 'zh-Hant', '--out', 'out'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gbk.md: Unexpected invalid UTF-8 at byte 2 (GBK, Big5 or another legacy encoding?), expected a UTF-8 text file; copied unchanged, not converted\n2 files: 1 converted, 2 written to out\n');
    expect(new Uint8Array(readFileSync(path.join(root, 'out/gbk.md')))).toEqual(bad);
    expect(read(root, 'out/ok.md')).toBe('關係\n');
  });

  test('--glossary (text and JSON) and --profile phrases', async () => {
    const root = tempBook({ 'src/a.md': '从镜像启动容器，低级别产品，软件\n', 'terms.txt': '容器\n镜像 zh-TW=映像 鏡像\n', 'terms.json': '["容器", {"zh-Hans": "镜像", "zh-TW": "映像"}]' });
    expect((await convert(['src', '--to', 'zh-TW', '--profile', 'phrases', '--glossary', 'terms.txt', '--out', 'o1'], root)).code).toBe(0);
    expect(read(root, 'o1/a.md')).toBe('從映像啟動容器，低級別產品，軟體\n');
    expect((await convert(['src', '--to', 'zh-TW', '--profile', 'characters', '--glossary', 'terms.json', '--out', 'o2'], root)).code).toBe(0);
    expect(read(root, 'o2/a.md')).toBe('從映像啟動容器，低級別產品，軟件\n');
    // zh-TW's default profile (tech) has the Taiwan phrases too.
    expect((await convert(['src', '--to', 'zh-TW', '--glossary', 'terms.json', '--out', 'o4'], root)).code).toBe(0);
    expect(read(root, 'o4/a.md')).toBe('從映像啟動容器，低級別產品，軟體\n');
    expect((await convert(['src', '--to', 'zh-HK', '--glossary', 'terms.txt', '--out', 'o3'], root)).code).toBe(0);
    expect(read(root, 'o3/a.md')).toBe('從鏡像啓動容器，低級別產品，軟件\n');
  });

  test('--code: none keeps code byte-identical; placeholders, comments and all convert only what they name', async () => {
    const source = '运行 `cp {{源文件}} {{目标}}`\n\n```sh\n# 复制文件\ncp 文件 "# 字符串"\n```\n';
    const root = tempBook({ 'src/a.md': source });
    const outputs: string[] = [];
    for (const code of ['none', 'placeholders', 'comments', 'all']) {
      expect((await convert(['src', '--to', 'zh-TW', '--profile', 'characters', '--code', code, '--out', code], root)).code).toBe(0);
      outputs.push(read(root, `${code}/a.md`));
    }
    expect(outputs).toEqual([
      '運行 `cp {{源文件}} {{目标}}`\n\n```sh\n# 复制文件\ncp 文件 "# 字符串"\n```\n',
      '運行 `cp {{源文件}} {{目標}}`\n\n```sh\n# 复制文件\ncp 文件 "# 字符串"\n```\n',
      '運行 `cp {{源文件}} {{目标}}`\n\n```sh\n# 複製文件\ncp 文件 "# 字符串"\n```\n',
      '運行 `cp {{源文件}} {{目標}}`\n\n```sh\n# 複製文件\ncp 文件 "# 字符串"\n```\n',
    ]);
  });

  test('--review: the review list as a report on stdout (stylish or --format json), the book converted as without it', async () => {
    const root = tempBook({ 'src/a.md': '# 说明\n\n他把面煮干了。这个程序很好。\n' });
    const stylish = await convert(['src', '--to', 'zh-TW', '--profile', 'phrases', '--review', '--out', 'o1'], root);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('src/a.md:3:3  info  Unexpected unreviewed `面` for `面` (no phrase decides), expected a human to choose `面` or `麵`  zh-conversion-review');
    expect(stylish.stdout).toContain('src/a.md:3:10  info  Unexpected unreviewed `程式` for `程序` (the software sense, no cue either way), expected a human to choose `程式` or `程序`  zh-conversion-review');
    expect(read(root, 'o1/a.md')).toBe('# 說明\n\n他把面煮幹了。這個程式很好。\n');
    const json = await convert(['src', '--to', 'zh-TW', '--profile', 'characters', '--review', '--format', 'json', '--out', 'o2'], root);
    const findings = (JSON.parse(json.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> }).findings;
    expect(findings.map(({ ruleId, file, line, column }) => [ruleId, file, line, column])).toEqual([['zh-conversion-review', 'a.md', 3, 3]]);
    // A second run converts every chapter again to make the list.
    expect((await convert(['src', '--to', 'zh-TW', '--profile', 'characters', '--review', '--format', 'json', '--out', 'o2'], root)).stdout).toBe(json.stdout);
  });

  test('a Hexo site: the dialect gives the slug flavour (case kept) and serves site-absolute, locale-prefixed links; --slug and the configuration win', async () => {
    const root = tempBook({
      '_config.yml': 'title: x\n',
      'source/zh-cn/docs/writing.md': '## 布局（Layout）\n\n## 安装 Node.js\n',
      'source/zh-cn/api/injector.md': '见 [布局](/zh-cn/docs/writing#布局（Layout）) 与 [安装](../docs/writing.md#安装-Node-js)。\n',
    });
    try {
      expect((await convert(['source/zh-cn', '--to', 'zh-TW', '--out', 'source/zh-tw'], root)).code).toBe(0);
      expect(read(root, 'source/zh-tw/api/injector.md')).toBe('見 [佈局](/zh-cn/docs/writing#佈局（Layout）) 與 [安裝](../docs/writing.md#安裝-Node-js)。\n');
      expect((await convert(['source/zh-cn', '--to', 'zh-TW', '--out', 'gh', '--slug', 'github'], root)).code).toBe(0);
      // Under GitHub's slugs (布局layout, 安装-nodejs) these fragments name no heading: left as written.
      expect(read(root, 'gh/api/injector.md')).toBe('見 [佈局](/zh-cn/docs/writing#布局（Layout）) 與 [安裝](../docs/writing.md#安装-Node-js)。\n');
      writeFileSync(path.join(root, 'tongwen.config.json'), '{ "slug": "vitepress" }\n');
      expect((await convert(['source/zh-cn', '--to', 'zh-TW', '--out', 'vp'], root)).code).toBe(0);
      // VitePress's slugs: 布局-layout (no link to it), 安装-node-js (the link written in another case follows it).
      expect(read(root, 'vp/api/injector.md')).toBe('見 [佈局](/zh-cn/docs/writing#布局（Layout）) 與 [安裝](../docs/writing.md#安裝-node-js)。\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--in-place and back to zh-Hans', async () => {
    const root = tempBook({ 'src/a.md': '# 关系\n\n[x](#关系)\n' });
    expect((await convert(['src', '--to', 'zh-TW', '--in-place'], root)).code).toBe(0);
    expect(read(root, 'src/a.md')).toBe('# 關係\n\n[x](#關係)\n');
    expect((await convert(['src', '--from', 'zh-TW', '--to', 'zh-Hans', '--in-place'], root)).code).toBe(0);
    expect(read(root, 'src/a.md')).toBe('# 关系\n\n[x](#关系)\n');
    expect(existsSync(path.join(root, 'src', manifestName))).toBe(false);
  });

  test.each([
    [[], 'tongwen convert: Missing SRC, expected the book folder to convert\n'],
    [['src'], 'tongwen convert: Missing `--to`, expected zh-Hant, zh-TW, zh-HK or zh-Hans\n'],
    [['src', '--to', 'klingon', '--out', 'o'], 'tongwen convert: Unexpected `--to klingon`, expected zh-Hant, zh-TW, zh-HK or zh-Hans\n'],
    [['src', '--to', 'zh-TW'], 'tongwen convert: Missing `--out DIR` or `--in-place`\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--in-place'], 'tongwen convert: Unexpected `--out` with `--in-place`, expected one of them\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--jobs', '0'], 'tongwen convert: Unexpected `--jobs 0`, expected a whole number of at least 1\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--profile', 'x'], 'tongwen convert: Unexpected `--profile x`, expected `characters`, `phrases` or `tech`\n'],
    [['src', '--from', 'zh-TW', '--to', 'zh-HK', '--out', 'o'], 'tongwen convert: No conversion from `zh-TW` to `zh-HK`: expected zh-Hans to or from zh-Hant, zh-TW or zh-HK\n'],
    [['src', '--to', 'zh-Hans', '--out', 'o'], 'tongwen convert: Missing `--from` with `--to zh-Hans`, expected zh-Hant, zh-TW or zh-HK\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--review', '--check'], 'tongwen convert: Unexpected `--review` with `--check`, expected `--review` on a conversion\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--format', 'json'], 'tongwen convert: Unexpected `--format` without `--review`, expected `--review --format NAME`\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--code', 'strings'], 'tongwen convert: Unexpected `--code strings`, expected none, placeholders, comments, all\n'],
    [['src', '--to', 'zh-TW', '--out', 'o', '--quotes', 'guillemets'], 'tongwen convert: Unexpected `--quotes guillemets`, expected curly, corner, keep\n'],
  ])('usage error %j: exit 2, a clear message', async (args, message) => {
    const root = tempBook({ 'src/a.md': '里\n' });
    const result = await convert(args, root);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}Run \`tongwen convert --help\` for usage.\n` });
  });

  test('I/O and configuration failures: exit 2 naming the file, no stack trace', async () => {
    const root = tempBook({ 'src/a.md': '里\n', 'bad.json': '{"terms": [{"zh-XX": "a"}]}' });
    expect(await convert(['nope', '--to', 'zh-TW', '--out', 'o'], root)).toEqual({ code: 2, stdout: '', stderr: 'tongwen convert: nope: no such folder\n' });
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'o', '--glossary', 'missing.txt'], root)).toEqual({ code: 2, stdout: '', stderr: 'tongwen convert: missing.txt: cannot read the glossary: ENOENT\n' });
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'o', '--glossary', 'bad.json'], root)).toEqual({ code: 2, stdout: '', stderr: 'tongwen convert: bad.json: Unexpected key `zh-XX` in glossary item 0, expected one of zh-Hans, zh-Hant, zh-TW, zh-HK\n' });
  });

  test('--help', async () => {
    const result = await convert(['--help'], '/');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tongwen convert SRC --to/);
  });
});

test('worker threads by default as check has them: on three cores or more when the chapters to convert are worth them (256 K characters and more), up to 4', async () => {
  const { autoJobs } = await import('../src/convert/pool.js');
  const items = (count: number, length: number) => Array.from({ length: count }, (_, index) => ({ path: `c${index}.md`, source: 'x'.repeat(length) }));
  expect([1, 2, 3, 8].map((cores) => autoJobs(items(1000, 0), cores))).toEqual([1, 1, 3, 4]);
  expect([1, 2, 3, 8].map((cores) => autoJobs(items(10, 25_914), cores))).toEqual([1, 1, 1, 1]);
  expect(autoJobs(items(10, 25_915), 3)).toBe(3);
  expect(autoJobs(items(10, 25_915), 2)).toBe(1);
  expect(autoJobs([], 2)).toBe(1);
});

test('an engine thread by default on two cores or more when the chapters to convert are worth threads (as autoJobs), never with the review list', async () => {
  const { autoEngineThread } = await import('../src/convert/pool.js');
  const items = (count: number, length: number) => Array.from({ length: count }, (_, index) => ({ path: `c${index}.md`, source: 'x'.repeat(length) }));
  expect([1, 2, 3, 8].map((cores) => autoEngineThread(items(10, 25_915), cores, false))).toEqual([false, true, true, true]);
  expect(autoEngineThread(items(10, 25_914), 2, false)).toBe(false);
  expect(autoEngineThread(items(10, 25_915), 2, true)).toBe(false);
  expect(autoEngineThread([], 2, false)).toBe(false);
});
