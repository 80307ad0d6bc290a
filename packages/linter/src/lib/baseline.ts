import { createHash } from 'node:crypto';
import type { Finding } from '@tongwen/book';

/** One entry of a baseline: a fingerprint and how many findings carried it. */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

/** A baseline: the findings a gate accepts (`--baseline FILE`), by fingerprint with an occurrence count. */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** A baseline file that cannot be used. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** The key of a finding in a baseline: its fingerprint, else a hash of rule, file and message. */
export function baselineKey(finding: Finding): string {
  return finding.fingerprint ?? createHash('sha1').update(`${finding.ruleId}\0${finding.file}\0${finding.message}`).digest('hex').slice(0, 16);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The baseline of a set of findings: one entry per fingerprint, sorted by file, rule and fingerprint. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const fingerprint = baselineKey(finding);
    const entry = entries.get(fingerprint);
    if (entry) entry.count++;
    else entries.set(fingerprint, { file: finding.file, ruleId: finding.ruleId, fingerprint, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: 1, findings: sorted };
}

/** A baseline as stable JSON: one entry per line, so that a change to the book makes a small diff. */
export function stringifyBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((entry) => `    ${JSON.stringify({ file: entry.file, ruleId: entry.ruleId, fingerprint: entry.fingerprint, count: entry.count })}`);
  return `{\n  "version": 1,\n  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

const isEntry = (value: unknown): value is BaselineEntry => {
  const entry = value as Partial<BaselineEntry> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.fingerprint === 'string' && typeof entry.file === 'string' && typeof entry.ruleId === 'string' && Number.isInteger(entry.count) && entry.count! > 0;
};

/** Parse a baseline file's text; throws {@link BaselineError} naming what was expected. */
export function parseBaseline(text: string, name: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`Invalid baseline \`${name}\`: ${(error as Error).message}`);
  }
  const value = raw as Partial<Baseline> | null;
  if (typeof value !== 'object' || value === null || value.version !== 1 || !Array.isArray(value.findings)) {
    throw new BaselineError(`Invalid baseline \`${name}\`: expected {"version": 1, "findings": [...]} as \`tongwen check --write-baseline\` writes it`);
  }
  const bad = value.findings.findIndex((entry) => !isEntry(entry));
  if (bad !== -1) throw new BaselineError(`Invalid baseline \`${name}\`: \`findings[${bad}]\` is ${JSON.stringify(value.findings[bad])}, expected { file, ruleId, fingerprint, count }`);
  return { version: 1, findings: value.findings };
}

/**
 * The findings a baseline does not accept: each baselined fingerprint
 * suppresses as many findings as its count, no more.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { findings: Finding[]; suppressed: number } {
  const left = new Map<string, number>();
  for (const entry of baseline.findings) left.set(entry.fingerprint, (left.get(entry.fingerprint) ?? 0) + entry.count);
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = baselineKey(finding);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else kept.push(finding);
  }
  return { findings: kept, suppressed: findings.length - kept.length };
}
