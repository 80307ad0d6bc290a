import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** An import (static, dynamic or `require`) of the file system or of child processes. */
const ioImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](?:node:)?(?:fs|fs\/promises|child_process)['"]/;

/**
 * Files outside the workspace package that may touch the disk: the report
 * files the CLI writes, and the conversion engine's own compiled
 * dictionaries, read from beside the module (a file of the package, never
 * of the user's book, as opencc-js reads its own).
 */
const allowedOutside = ['packages/cli/src/report/outputs.ts', 'packages/convert/src/lib/compiled.ts'];

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

it('only the workspace package (and the CLI report writer) imports node:fs or node:child_process', () => {
  const packages = path.join(repoRoot, 'packages');
  const shipped = readdirSync(packages).flatMap((name) => ['src', 'bin'].flatMap((sub) => sourceFiles(path.join(packages, name, sub))));
  const importing = shipped
    .filter((file) => ioImport.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(repoRoot, file).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('packages/workspace/src/'))
    .sort();
  expect(importing).toEqual(allowedOutside);
  expect(shipped.length).toBeGreaterThan(100);
});

it('the scan recognises every form of such an import', () => {
  const forms = ["import { readFileSync } from 'node:fs';", 'import fs from "fs";', "import { spawn } from 'node:child_process';", "await import('node:fs/promises')", "require('child_process')", "import 'node:fs';"];
  expect(forms.filter((form) => ioImport.test(form))).toEqual(forms);
  expect(ioImport.test("import path from 'node:path';")).toBe(false);
  expect(ioImport.test("import { x } from './fs.js';")).toBe(false);
});
