import type { RuleMeta } from './types.js';

/** The default value of every option of a rule. */
export function optionDefaults(meta: RuleMeta): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(meta.options)) defaults[name] = option.default;
  return defaults;
}

/**
 * Validate user options against a rule's meta. Returns a list of problems,
 * each naming the key, the value and what was expected.
 */
export function validateOptions(meta: RuleMeta, options: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    const option = meta.options[name];
    if (!option) {
      const known = Object.keys(meta.options);
      problems.push(`rule \`${meta.id}\` has no option \`${name}\`${known.length ? `, expected one of ${known.map((k) => `\`${k}\``).join(', ')}` : ''}`);
      continue;
    }
    const shown = JSON.stringify(value);
    const ok =
      option.type === 'boolean' ? typeof value === 'boolean'
      : option.type === 'number' ? typeof value === 'number' && Number.isFinite(value)
      : option.type === 'string' ? typeof value === 'string' && (!option.enum || option.enum.includes(value))
      : option.type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!ok) {
      const expected = option.enum ? `one of ${option.enum.map((e) => `\`${e}\``).join(', ')}` : option.type === 'string[]' ? 'an array of strings' : option.type === 'record' ? 'an object' : `a ${option.type}`;
      problems.push(`rule \`${meta.id}\` option \`${name}\` is ${shown}, expected ${expected}`);
    }
  }
  return problems;
}
