import type { Finding } from '@tongwen/book';
import { summarize, type Formatter } from '../lib/types.js';

const paint = (color: boolean, code: string, text: string) => (color ? `\u001B[${code}m${text}\u001B[0m` : text);

/** Display width: CJK and other wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * A report for terminals: findings grouped by file, one line each
 * (`line:column  severity  message  rule-id`), then a summary line.
 */
export const stylish: Formatter = (input, context) => {
  const color = context.color ?? false;
  const byFile = new Map<string, Finding[]>();
  for (const finding of input.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(paint(color, '4', file));
    const places = findings.map((f) => `${f.line}:${f.column}`);
    const severities = findings.map((f) => f.severity);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const severityWidth = Math.max(...severities.map((s) => s.length));
    const messageWidth = Math.min(80, Math.max(...findings.map((f) => displayWidth(f.message))));
    findings.forEach((finding, i) => {
      const severity = paint(color, finding.severity === 'error' ? '31' : finding.severity === 'warning' ? '33' : '36', pad(finding.severity, severityWidth));
      out.push(`  ${pad(places[i]!, placeWidth)}  ${severity}  ${pad(finding.message, messageWidth)}  ${paint(color, '2', finding.ruleId)}`);
    });
    out.push('');
  }
  const { files, errors, warnings, infos } = summarize(input);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [plural(infos, 'info')] : [])].join(', ');
  const mark = errors > 0 ? paint(color, '31', '✖') : warnings > 0 ? paint(color, '33', '⚠') : paint(color, '32', '✔');
  out.push(`${mark} ${counts} in ${plural(files, 'file')} checked`);
  return `${out.join('\n')}\n`;
};
