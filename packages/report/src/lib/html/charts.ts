import type { Finding } from '@tongwen/book';
import { familyOf } from '../rules.js';
import type { FormatContext, ReportBook } from '../types.js';
import { barHtml, countBy, total, type Counts } from './counts.js';
import { esc } from './escape.js';
import { subtreeCounts, type TreeData } from './tree.js';

/** Rows sorted by total, then name. */
function sorted(map: Map<string, Counts>): [string, Counts][] {
  return [...map].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const numbers = (c: Counts) => `<td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td><td class="num">${total(c)}</td>`;

/** A header cell; sortable ones hold a button (keyboard-usable). */
const th = (label: string, key?: string, numeric = false) => `<th scope="col"${numeric ? ' class="num"' : ''}>${key ? `<button type="button" data-sort="${key}">${label}</button>` : label}</th>`;

function table(caption: string, id: string, nameLabel: string, rows: string[]): string {
  const head = `<tr>${th(nameLabel, 'name')}${th('Errors', 'error', true)}${th('Warnings', 'warning', true)}${th('Infos', 'info', true)}${th('Total', 'total', true)}${th('')}</tr>`;
  return `<table class="chart" id="${id}"><caption>${caption}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function sortData(name: string, c: Counts): string {
  return `data-name="${esc(name)}" data-error="${c.error}" data-warning="${c.warning}" data-info="${c.info}" data-total="${total(c)}"`;
}

/** Findings per rule family; a family filters the list. */
export function familyChart(findings: readonly Finding[], context: FormatContext): string {
  const rows = sorted(countBy(findings, (f) => familyOf(f.ruleId, context)));
  const max = Math.max(0, ...rows.map(([, c]) => total(c)));
  const body = rows.map(([family, c]) => `<tr ${sortData(family, c)}><th scope="row"><a href="#findings" data-filter="family" data-value="${esc(family)}">${esc(family)}</a></th>${numbers(c)}<td class="barcell">${barHtml(c, max)}</td></tr>`);
  return table('By family', 'by-family', 'Family', body);
}

/** Findings per rule (sortable); a rule filters the list (its family in the link's title). */
export function ruleChart(findings: readonly Finding[], context: FormatContext): string {
  const rows = sorted(countBy(findings, (f) => f.ruleId));
  const max = Math.max(0, ...rows.map(([, c]) => total(c)));
  const body = rows.map(([rule, c]) => {
    const family = familyOf(rule, context);
    return `<tr ${sortData(rule, c)}><th scope="row"><a href="#findings" data-filter="rule" data-value="${esc(rule)}" title="${esc(family)}">${esc(rule)}</a></th>${numbers(c)}<td class="barcell">${barHtml(c, max)}</td></tr>`;
  });
  return table('By rule', 'by-rule', 'Rule', body);
}

/** Findings per part (or per top-level chapter with its sub-chapters when the book has no parts). */
export function partChart(books: readonly ReportBook[], data: TreeData): string {
  const rows: [string, Counts][] = [];
  for (const book of books) {
    for (const node of book.nodes) rows.push([books.length > 1 && book.prefix ? `${book.prefix}: ${node.title}` : node.title, subtreeCounts(node, data)]);
  }
  if (rows.length === 0) return '';
  const max = Math.max(0, ...rows.map(([, c]) => total(c)));
  const body = rows.map(([title, c], i) => `<tr ${sortData(title, c)} data-order="${i}"><th scope="row">${esc(title)}</th>${numbers(c)}<td class="barcell">${barHtml(c, max)}</td></tr>`);
  return table('By part', 'by-part', 'Part', body);
}
