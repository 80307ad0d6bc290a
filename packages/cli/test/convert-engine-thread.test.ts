import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it } from 'vitest';
import { finishChapter } from '@tongwen/convert';
import { convertTexts, runEngineThread, type EngineThread, type ItemOutcome } from '../src/convert/engine-thread.js';
import { createTextConverter, createWorker, type WorkItem, type WorkOptions } from '../src/convert/work.js';

const items: WorkItem[] = [
  { path: 'a.md', source: '# 软件\n\n打开“文件”，见 [软件](#软件)。\n\n```sh\necho 文件\n```\n' },
  // Already in the target script: its pieces keep their words (文件 stays).
  { path: 'b.md', source: '\uFEFF# 軟體與文件\n\n開啟文件。\n' },
  { path: 'c.md', source: '![图里](x.png "标题") <b title="里面">里面</b>\n\n[^注]: 注释\n' },
  { path: 'd.md', source: 'no Chinese here\n' },
];

const options: WorkOptions = { config: 's2twt', slug: 'github', quotes: 'corner' };

/** What converting each item in this thread alone gives (the reference). */
async function inThread(): Promise<ItemOutcome[]> {
  const convert = createWorker(options);
  const outcomes: ItemOutcome[] = [];
  for (const item of items) outcomes.push({ item, result: await convert(item) });
  return outcomes;
}

async function withThread(thread: EngineThread): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  await runEngineThread(items, options, thread, (outcome) => outcomes.push(outcome));
  return outcomes;
}

describe('the engine thread (this thread parses, the thread converts texts)', () => {
  it('gives each chapter the conversion of one thread, in order', async () => {
    const convert = createTextConverter(options);
    const thread: EngineThread = { run: async (request) => convertTexts(await convert(), request), destroy: async () => {} };
    const expected = await inThread();
    const texts = expected.map((outcome) => ('result' in outcome ? finishChapter(outcome.item.source.replace(/^\uFEFF/, ''), outcome.result) : outcome.error));
    expect(texts).toEqual([
      '# 軟體\n\n開啟「檔案」，見 [軟體](#软件)。\n\n```sh\necho 文件\n```\n',
      '\uFEFF# 軟體與文件\n\n開啟文件。\n',
      '![圖裡](x.png "標題") <b title="裡面">裡面</b>\n\n[^注]: 註釋\n',
      'no Chinese here\n',
    ]);
    expect(expected[0]).toMatchObject({ result: { anchors: [['软件', '軟體']] } });
    expect(await withThread(thread)).toEqual(expected);
  });

  it('a thread that fails: its chapters are converted in this thread, the same', async () => {
    const thread: EngineThread = { run: async () => Promise.reject(new Error('thread gone')), destroy: async () => {} };
    expect(await withThread(thread)).toEqual(await inThread());
  });
});

/** Every file under `root` with its bytes, by path. */
function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else files[file] = readFileSync(path.join(root, file)).toString('base64');
    }
  };
  walk('');
  return files;
}

describe.skipIf(!hasShared)(`the engine thread on a corpus book${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('docker_practice-2018 to zh-TW: the default (an engine thread on 2 cores or more) writes what --jobs 1 writes, byte for byte', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongwen-engine-thread-'));
    try {
      const bin = path.join(repoRoot, 'packages/cli/bin/tongwen.js');
      for (const [name, extra] of [['default', []], ['one', ['--jobs', '1']]] as const) {
        const result = spawnSync(process.execPath, [bin, 'convert', corpusPath('docker_practice-2018'), '--to', 'zh-TW', ...extra, '--out', path.join(root, name)], { encoding: 'utf8' });
        expect({ status: result.status, stderr: result.stderr.replace(/^\d+ files: \d+ converted, \d+ written to .*\n$/, '') }).toEqual({ status: 0, stderr: '' });
      }
      expect(tree(path.join(root, 'default'))).toEqual(tree(path.join(root, 'one')));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
