/**
 * The handbook in content/zh-hans shows only what exists: every `tongwen`
 * command in its code blocks runs here, in document order, on a copy of
 * content/ (so that `--write-baseline` comes before `--baseline`). Commands
 * of the gate (`--staged`, `--changed-since origin/main`) run in a git
 * repository made of that copy, with `origin/main` at its first commit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@tongwen/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { tongwen } from './helpers.js';

const handbook = path.join(repoRoot, 'content/zh-hans');

function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith('.md') ? [`${prefix}${entry.name}`] : []));
}

/** Every `tongwen …` command line in the code blocks of a chapter (without `pnpm exec`/`npx`, redirections dropped). */
function commandsOf(source: string): string[] {
  const blocks = source.match(/^```(?:shell|sh|bash|yaml)\n[\s\S]*?^```$/gm) ?? [];
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => /^\s*(?:- run: )?(?:exec )?(?:pnpm exec |npx )?tongwen (.*)$/.exec(line)?.[1])
      .filter((command): command is string => command !== undefined)
      .map((command) => command.replace(/\s*>>?\s*\S+$/, '').trim()),
  );
}

const commands = markdownFiles(handbook).flatMap((file) => commandsOf(readFileSync(path.join(handbook, file), 'utf8')).map((command) => ({ file, command })));
const root = mkdtempSync(path.join(tmpdir(), 'tongwen-handbook-'));
cpSync(path.join(repoRoot, 'content'), path.join(root, 'content'), { recursive: true });
mkdirSync(path.join(root, 'node_modules')); // the check cache goes here, inside the temporary folder
const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=tongwen', '-c', 'user.email=tongwen@localhost', '-c', 'init.defaultBranch=main', ...args], { cwd: root, encoding: 'utf8' });
git('init', '-q');
writeFileSync(path.join(root, '.gitignore'), 'node_modules/\n');
git('add', '-A');
git('commit', '-qm', 'handbook');
git('update-ref', 'refs/remotes/origin/main', 'HEAD');

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('every command of the handbook', () => {
  it('finds the commands', () => {
    expect(commands.length).toBeGreaterThan(10);
  });

  for (const { file, command } of commands) {
    it(`${file}: tongwen ${command}`, async () => {
      const result = await tongwen(command.split(/\s+/), root);
      expect(result.stderr).not.toMatch(/Unknown|Invalid|Unexpected|internal error/);
      expect(result.code).toBe(0);
    });
  }
});
