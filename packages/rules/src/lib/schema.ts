import { inlineCode } from './format.js';
import type { RuleMeta, RuleOption } from './types.js';

/** A JSON Schema (draft-07) fragment. */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema of one rule option, from its meta. */
export function optionSchema(option: RuleOption): JsonSchema {
  const base: JsonSchema = { description: option.description, default: option.default };
  switch (option.type) {
    case 'string[]':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'record':
      return { ...base, type: 'object' };
    case 'string':
      return option.enum ? { ...base, type: 'string', enum: [...option.enum] } : { ...base, type: 'string' };
    default:
      return { ...base, type: option.type };
  }
}

/** The JSON Schema of a rule's options object: every option of the meta, nothing else. */
export function optionsSchema(meta: RuleMeta): JsonSchema {
  const properties = Object.fromEntries(Object.entries(meta.options).map(([name, option]) => [name, optionSchema(option)]));
  return { type: 'object', properties, additionalProperties: false };
}

/** How an option's type reads in the docs: `string (`a`, `b`)`, `string[]`, `boolean`. */
function typeText(option: RuleOption): string {
  return option.enum ? `${option.type} (${option.enum.map((value) => inlineCode(value)).join(', ')})` : option.type;
}

/** The `## Options` section of a rule's docs, generated from its meta (no trailing newline). */
export function optionsSection(meta: RuleMeta): string {
  const entries = Object.entries(meta.options);
  if (entries.length === 0) return '## Options\n\nNone.';
  const rows = entries.map(([name, option]) => `| ${inlineCode(name)} | ${typeText(option)} | ${inlineCode(JSON.stringify(option.default))} | ${option.description.replace(/\|/g, '\\|')} |`);
  return ['## Options', '', '| option | type | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The `## Options` section as written in a docs file (up to the next `## ` heading), or undefined. */
export function writtenOptionsSection(docs: string): string | undefined {
  const start = docs.startsWith('## Options\n') ? 0 : docs.indexOf('\n## Options\n') + 1;
  if (start === 0 && !docs.startsWith('## Options\n')) return undefined;
  const next = docs.indexOf('\n## ', start);
  return docs.slice(start, next === -1 ? docs.length : next).trimEnd();
}

/** A docs file with its `## Options` section replaced by the generated one. */
export function withOptionsSection(docs: string, meta: RuleMeta): string {
  const written = writtenOptionsSection(docs);
  return written === undefined ? `${docs.trimEnd()}\n\n${optionsSection(meta)}\n` : docs.replace(written, optionsSection(meta));
}
