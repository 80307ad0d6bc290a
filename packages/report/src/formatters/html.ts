import { createHash } from 'node:crypto';
import { css, script } from '../lib/html/assets.js';
import { familyChart, partChart, ruleChart } from '../lib/html/charts.js';
import { esc } from '../lib/html/escape.js';
import { findingsHtml, previousHtml } from '../lib/html/findings.js';
import { treeData, treesHtml } from '../lib/html/tree.js';
import { plural } from '../lib/text.js';
import { summarize, type Formatter } from '../lib/types.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** No network, no plugins, no forms: only the one stylesheet and the one script, by their hashes. */
const policy = `default-src 'none'; style-src ${sha256(css)}; script-src ${sha256(script)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

function summaryHtml(errors: number, warnings: number, infos: number, files: number): string {
  const item = (n: number, word: string, cls: string) => `<span class="${cls}"><strong>${n}</strong> ${word}${n === 1 ? '' : 's'}</span>`;
  return `<p class="summary">${item(errors, 'error', 'error')}${item(warnings, 'warning', 'warning')}${item(infos, 'info', 'info')}<span><strong>${files}</strong> ${files === 1 ? 'file' : 'files'} checked</span></p>`;
}

/**
 * One self-contained, deterministic HTML page: the book's contents tree with
 * counts and health per node, charts per family, rule and part, and every
 * finding with its source line, filterable by script (the lists are all
 * there without it). A strict Content-Security-Policy allows only the page's
 * own stylesheet and script, by hash; every value from content is escaped.
 * With `context.previous` (the gate), the counts are of the new findings and
 * the old ones wait behind a toggle.
 */
export const html: Formatter = (input, context) => {
  const { errors, warnings, infos, files } = summarize(input);
  const books = context.books ?? [];
  const data = treeData(input.findings, context);
  const title = books.length === 1 && books[0]!.title ? `${books[0]!.title} — ${context.tool.name} report` : `${context.tool.name} report`;
  const charts = `<div class="layout"><div>${familyChart(input.findings, context)}${partChart(books, data)}</div><div>${ruleChart(input.findings, context)}</div></div>`;
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to the findings</a>
<header><h1>${esc(title)}</h1>${summaryHtml(errors, warnings, infos, files)}</header>
<main>
<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Where the problems are</h2>${input.findings.length ? charts : '<p>No findings.</p>'}</section>
<section id="contents" aria-labelledby="contents-h"><h2 id="contents-h">Contents</h2>${treesHtml(books, data)}</section>
${findingsHtml(input.findings, context)}
${previousHtml(context.previous, context)}
</main>
<footer>${esc(context.tool.name)} ${esc(context.tool.version)} · ${esc(plural(input.findings.length, 'finding'))}</footer>
<script>${script}</script>
</body>
</html>
`;
};
