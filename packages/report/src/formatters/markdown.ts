import type { Finding, Severity } from '@tongwen/book';
import { escapeMarkdown } from '../lib/markdown-text.js';
import { displayPath, fileHref } from '../lib/paths.js';
import { countsText, plural } from '../lib/text.js';
import { summarize, type FormatContext, type Formatter } from '../lib/types.js';

const icons: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** GitHub refuses comments over 65 536 characters; stay well below. */
const budget = 60_000;

function ruleTable(findings: readonly Finding[]): string[] {
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const row = counts.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[f.severity]++;
    counts.set(f.ruleId, row);
  }
  const total = (r: Record<Severity, number>) => r.error + r.warning + r.info;
  const rows = [...counts].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  return ['| Rule | Errors | Warnings | Infos |', '| --- | ---: | ---: | ---: |', ...rows.map(([id, r]) => `| \`${id}\` | ${r.error} | ${r.warning} | ${r.info} |`)];
}

function place(context: FormatContext, finding: Finding): string {
  const text = `${finding.line}:${finding.column}`;
  const href = fileHref(context, finding.file, finding.line);
  return href && /^https?:/i.test(href) ? `[${text}](${href})` : text;
}

/**
 * Markdown for a pull-request comment or a job summary: the counts, a table
 * per rule, then the findings grouped by file, cut after `maxFindings`
 * (default 50) or about 60 000 characters with the count of what was left out.
 */
export const markdown: Formatter = (input, context) => {
  const summary = summarize(input);
  const mark = summary.errors > 0 ? '❌' : summary.warnings > 0 ? '⚠️' : '✅';
  const out = [`### ${mark} ${escapeMarkdown(context.tool.name)}: ${countsText(summary)} in ${plural(summary.files, 'file')} checked`, ''];
  if (input.findings.length === 0) return `${out.join('\n')}`;
  out.push(...ruleTable(input.findings), '');
  const max = context.maxFindings ?? 50;
  let shown = 0;
  let size = out.join('\n').length;
  let file: string | undefined;
  for (const finding of input.findings) {
    const lines = finding.file === file ? [] : [...(file === undefined ? [] : ['']), `**${escapeMarkdown(displayPath(context, finding.file))}**`, ''];
    lines.push(`- ${icons[finding.severity]} ${place(context, finding)} ${escapeMarkdown(finding.message)} (\`${finding.ruleId}\`)`);
    const added = lines.join('\n').length + 1;
    if (shown >= max || size + added > budget) break;
    out.push(...lines);
    size += added;
    shown++;
    file = finding.file;
  }
  const left = input.findings.length - shown;
  if (left > 0) out.push('', `… and ${plural(left, 'more finding')} not shown.`);
  return `${out.join('\n')}\n`;
};
