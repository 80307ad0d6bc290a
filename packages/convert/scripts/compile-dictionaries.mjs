#!/usr/bin/env node
// The compiled dictionaries (see src/lib/compiled.ts): every stage of every configuration, from
// opencc-js's dictionaries and tongwen's tables in src/lib/corrections.ts, and jieba's dictionary (src/lib/jieba.ts), written beside the
// compiled module as one file that a converter reads a table at a time. Run by `build` after `tsc`, so
// an entry added to the tables is in the file on the next build.
import { renameSync, writeFileSync } from 'node:fs';

const { compileDictionaries, compiledFileName } = await import('../dist/lib/compiled.js');
const { jiebaDictionary } = await import('../dist/lib/segmenter.js');
const opencc = await import('opencc-js');
const bytes = compileDictionaries(opencc, jiebaDictionary());
const file = new URL(`../dist/lib/${compiledFileName}`, import.meta.url);
// Written whole under another name, then renamed: tests run from the sources read this file (readCompiled), never half of it.
const temporary = new URL(`../dist/lib/${compiledFileName}.${process.pid}.tmp`, import.meta.url);
writeFileSync(temporary, bytes);
renameSync(temporary, file);
process.stderr.write(`compiled dictionaries: ${(bytes.length / 1e6).toFixed(2)} MB\n`);
