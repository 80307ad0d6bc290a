/**
 * Installable like any npm tool: every public package is packed with
 * `pnpm pack` (which turns `workspace:*` into real versions), the tarballs
 * are installed with plain `npm install` into a fresh project outside the
 * workspace, and the installed `tongwen` checks a copy of a corpus book and
 * serves its documented API. Needs the packages built (`pnpm build`; `pnpm
 * test` builds first) and the npm registry (or the npm cache) for the
 * third-party dependencies.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '@tongwen/linter';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const publicPackages = ['book', 'workspace', 'convert', 'rules', 'linter', 'report', 'cli'];
const project = mkdtempSync(path.join(tmpdir(), 'tongwen-pack-'));

/** pnpm as the test was started with it (`pnpm test`), else the one on PATH, else through npx. */
function pnpm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return spawnSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' });
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0) return spawnSync('pnpm', args, { cwd, encoding: 'utf8' });
  return spawnSync('npx', ['--yes', 'pnpm@10.34.9', ...args], { cwd, encoding: 'utf8' });
}

/** The environment without the settings pnpm passes to its children (npm warns about them). */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

const ok = (result: SpawnSyncReturns<string>, what: string): string => {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
};

const manifests = () => Object.fromEntries(publicPackages.map((name) => [name, JSON.parse(readFileSync(path.join(repoRoot, 'packages', name, 'package.json'), 'utf8'))]));

beforeAll(() => {
  for (const name of publicPackages) {
    if (!existsSync(path.join(repoRoot, 'packages', name, 'dist/index.js'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
  }
  const tarballs = path.join(project, 'tarballs');
  mkdirSync(tarballs);
  for (const name of publicPackages) ok(pnpm(['pack', '--pack-destination', tarballs], path.join(repoRoot, 'packages', name)), `pnpm pack packages/${name}`);
  writeFileSync(path.join(project, 'package.json'), '{"name":"tongwen-pack-test","private":true,"type":"module"}\n');
  const files = readdirSync(tarballs).map((file) => `./tarballs/${file}`);
  // The remark-cli of the README example, at the versions this workspace tests with.
  const remark = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).devDependencies as Record<string, string>;
  files.push(...['remark-cli', 'remark-lint'].map((name) => `${name}@${remark[name]}`));
  ok(spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: project, encoding: 'utf8', env }), 'npm install');
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('are public, with built files, engines, licence, repository and a README each; only test-utils is private', () => {
    for (const [name, manifest] of Object.entries(manifests())) {
      expect(manifest.private, name).toBeUndefined();
      expect(manifest, name).toMatchObject({ license: 'MIT', engines: { node: '>=20.11' }, types: './dist/index.d.ts', repository: { type: 'git' } });
      expect(existsSync(path.join(repoRoot, 'packages', name, 'README.md')), name).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'packages/test-utils/package.json'), 'utf8')).private).toBe(true);
  });

  it('carry real versions instead of workspace:* and every file their exports name', () => {
    for (const manifest of Object.values(manifests())) {
      const installed = path.join(project, 'node_modules', manifest.name);
      const packed = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
      for (const [dependency, version] of Object.entries(packed.dependencies ?? {})) {
        expect(version, `${manifest.name} → ${dependency}`).not.toMatch(/^workspace:/);
      }
      // The targets (strings not followed by `:`): a subpath key such as `./locale` names no file.
      const targets = JSON.stringify(packed.exports).match(/"\.\/[^"]+"(?!:)/g) ?? [];
      for (const target of targets) expect(existsSync(path.join(installed, JSON.parse(target))), `${manifest.name} ${target}`).toBe(true);
      expect(existsSync(path.join(installed, 'README.md')), manifest.name).toBe(true);
      expect(existsSync(path.join(installed, 'test')), manifest.name).toBe(false);
    }
  });

  it('import("tongwen") serves the documented API', () => {
    const script = `import('tongwen').then(async (t) => {
      const checked = await t.checkMarkdown('# 标题\\n\\n使用Docker运行,然后\\n', { locale: 'zh-Hans' });
      const converted = await t.convertText('# 软件\\n\\n\`软件\`\\n', { to: 'zh-TW', phrases: true });
      process.stdout.write(JSON.stringify({ exports: Object.keys(t).sort(), rules: checked.findings.map((f) => f.ruleId), converted }));
    })`;
    const out = JSON.parse(ok(spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', env }), 'node -e import("tongwen")'));
    expect(out).toEqual({
      exports: ['ConfigError', 'InputError', 'checkFolder', 'checkMarkdown', 'convertFolder', 'convertText', 'run'],
      rules: ['zh-spacing', 'zh-spacing', 'zh-punctuation-width'],
      converted: '# 軟體\n\n`软件`\n',
    });
  });

  it('ship the configuration schema', () => {
    const schema = JSON.parse(readFileSync(path.join(project, 'node_modules/tongwen/tongwen.config.schema.json'), 'utf8'));
    expect(schema.title).toBe('tongwen configuration');
  });
});

describe.skipIf(!hasShared)('npx tongwen check on a copy of a corpus book', () => {
  it('finds what the workspace finds', () => {
    if (!hasShared) return void console.warn(sharedSkipReason);
    const book = path.join(project, 'book');
    cpSync(corpusPath('docker_practice-2018'), book, { recursive: true });
    const result = spawnSync('npx', ['--no', 'tongwen', 'check', 'book', '--format', 'json', '--no-cache'], { cwd: project, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    type Row = { ruleId: string; file: string; line: number; column: number; message: string; fingerprint?: string };
    const key = (f: Row) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.fingerprint} ${f.message}`;
    const report = JSON.parse(result.stdout) as { summary: { files: number }; findings: Row[] };
    const expected = check({ paths: ['book'], cwd: project, cache: false });
    expect(report.summary.files).toBe(expected.files);
    expect(report.summary.files).toBeGreaterThan(100);
    expect(report.findings.map(key)).toEqual(expected.findings.map(key));
  });
});

describe('the remark-lint example of the @tongwen/rules README', () => {
  it('runs as written with remark-cli, severities from the rule meta', () => {
    const readme = readFileSync(path.join(repoRoot, 'packages/rules/README.md'), 'utf8');
    const example = /```js\n(\/\/ \.remarkrc\.mjs\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const folder = path.join(project, 'remark');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '.remarkrc.mjs'), example!);
    writeFileSync(path.join(folder, 'doc.md'), '# 标题\n\n使用Docker运行。\n\n鏡像和容器的關系。\n');
    const result = spawnSync('npx', ['--no', 'remark', 'doc.md', '--quiet', '--no-stdout', '--no-color'], { cwd: folder, encoding: 'utf8', env });
    const messages = result.stderr.split('\n').filter((line) => /tongwen$/.test(line)).map((line) => line.trim().replace(/\s+/g, ' '));
    expect(messages).toEqual([
      '3:2-3:4 warning Unexpected missing space between `用` and `D`, expected a space zh-spacing tongwen',
      '3:8-3:10 warning Unexpected missing space between `r` and `运`, expected a space zh-spacing tongwen',
      '5:8-5:9 error Unexpected `系` in zh-TW text, expected `係` zh-misconversion tongwen',
    ]);
    // 關系 is a certain mis-conversion (the word 关系 converts to 關係): an error, which remark reports as fatal and exits 1.
    expect(result.status).toBe(1);
  });
});
