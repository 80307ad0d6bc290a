import type { Finding } from '@tongwen/book';
import { displayPath, fileHref } from '../paths.js';
import { familyOf } from '../rules.js';
import { sourceLine } from '../text.js';
import type { FormatContext } from '../types.js';
import { esc, linkHtml, messageHtml } from './escape.js';

/** The source line with the span in `<mark>` (UTF-16 columns slice the string exactly). */
function sourceHtml(finding: Finding, context: FormatContext): string {
  const text = sourceLine(context, finding.file, finding.line)?.replace(/\r$/, '');
  if (text === undefined) return '';
  const from = Math.min(Math.max(0, finding.column - 1), text.length);
  const to = finding.endLine === finding.line ? Math.min(Math.max(from, finding.endColumn - 1), text.length) : text.length;
  const mark = to > from ? `<mark>${esc(text.slice(from, to))}</mark>` : '<mark class="empty" title="here"></mark>';
  return `<pre class="src"><span class="ln">${finding.line}</span><code>${esc(text.slice(0, from))}${mark}${esc(text.slice(to))}</code></pre>`;
}

function causeHtml(finding: Finding, context: FormatContext): string {
  const cause = finding.cause;
  if (!cause) return '';
  const place = `${displayPath(context, cause.file)}:${cause.line}:${cause.column}`;
  return `<p class="cause">Related: ${linkHtml(fileHref(context, cause.file, cause.line), place, 'loc')}${cause.message ? ` — ${messageHtml(cause.message)}` : ''}</p>`;
}

/** One finding: severity, rule, place (a link to the file and line), message, source line, cause. */
function findingHtml(finding: Finding, context: FormatContext): string {
  const place = `${displayPath(context, finding.file)}:${finding.line}:${finding.column}`;
  const family = familyOf(finding.ruleId, context);
  return (
    `<li class="finding ${finding.severity}" data-severity="${finding.severity}" data-rule="${esc(finding.ruleId)}" data-family="${esc(family)}" data-chapter="${esc(finding.file)}">` +
    `<p class="head"><span class="sev ${finding.severity}">${finding.severity}</span> <span class="rule">${esc(finding.ruleId)}</span> ${linkHtml(fileHref(context, finding.file, finding.line), place, 'loc')}</p>` +
    `<p class="msg">${messageHtml(finding.message)}</p>${sourceHtml(finding, context)}${causeHtml(finding, context)}</li>`
  );
}

const option = (value: string, label = value) => `<option value="${esc(value)}">${esc(label)}</option>`;

function select(name: string, label: string, values: readonly string[], labelOf: (v: string) => string = (v) => v): string {
  return `<label>${label} <select name="${name}" data-key="${name}">${option('', 'all')}${values.map((v) => option(v, labelOf(v))).join('')}</select></label>`;
}

/** The filter form: hidden until the script shows it (without JavaScript the whole list is there). */
function filtersHtml(findings: readonly Finding[], context: FormatContext): string {
  const unique = (key: (f: Finding) => string) => [...new Set(findings.map(key))].sort();
  return (
    `<form class="filters" id="filters" hidden role="search" aria-label="Filter findings">` +
    select('severity', 'Severity', ['error', 'warning', 'info'].filter((s) => findings.some((f) => f.severity === s))) +
    select('rule', 'Rule', unique((f) => f.ruleId)) +
    select('family', 'Family', unique((f) => familyOf(f.ruleId, context))) +
    select('chapter', 'Chapter', unique((f) => f.file), (file) => displayPath(context, file)) +
    `<label>Search <input type="search" name="q" data-key="q" placeholder="message, path, rule"></label>` +
    `<button type="reset" id="clear">Clear</button> <output id="shown" aria-live="polite"></output></form>`
  );
}

/** The findings that were there before, collapsed (a native toggle: works without JavaScript). */
export function previousHtml(previous: readonly Finding[] | undefined, context: FormatContext): string {
  if (!previous?.length) return '';
  return `<section id="previous"><details><summary>${previous.length} finding${previous.length === 1 ? '' : 's'} that were there before</summary><ol class="findings old">${previous.map((f) => findingHtml(f, context)).join('')}</ol></details></section>`;
}

/** The findings section: filters, then every finding (in file and line order). */
export function findingsHtml(findings: readonly Finding[], context: FormatContext): string {
  const title = context.previous ? 'New findings' : 'Findings';
  if (findings.length === 0) return `<section id="findings" tabindex="-1"><h2>${title}</h2><p>No findings.</p></section>`;
  return `<section id="findings" tabindex="-1"><h2>${title} (${findings.length})</h2>${filtersHtml(findings, context)}<ol class="findings" id="list">${findings.map((f) => findingHtml(f, context)).join('')}</ol><p id="none" hidden>No finding matches the filters.</p></section>`;
}
