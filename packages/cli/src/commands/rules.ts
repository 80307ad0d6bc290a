import { parseArgs } from 'node:util';
import { docsPath, rules, type AnyRule } from '@tongwen/rules';
import type { Io } from '../io.js';

export const rulesHelp = `Usage: tongwen rules [--json]

List every rule: its id, default level (off when the default preset leaves
it off), whether --fix can fix it, what it checks and where its docs are.

Options:
      --json   every rule's meta as JSON: id, family, scope, description, level,
               fixable, presets, options (type, default, description), docs
  -h, --help   show this help
`;

/** A rule's default level: its severity when the `recommended` preset turns it on, else `off`. */
export function defaultLevel(rule: AnyRule): string {
  return rule.meta.presets.includes('recommended') ? rule.meta.severity : 'off';
}

/** A rule as `tongwen rules --json` prints it: its meta, written once in the rule. */
export function ruleJson(rule: AnyRule): Record<string, unknown> {
  const { id, family, scope, description, fixable, severity, presets, options } = rule.meta;
  return { id, family, scope, description, level: defaultLevel(rule), severity, fixable, presets, options, docs: docsPath(id) };
}

/** `tongwen rules`: every rule with its level, fixability, one line and its docs. */
export async function runRules(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    io.stdout.write(rulesHelp);
    return 0;
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(rules.map(ruleJson), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  io.stdout.write(`${'rule'.padEnd(width)}  level    fix  description\n`);
  for (const rule of rules) {
    const fix = rule.meta.fixable ? 'fix' : '   ';
    io.stdout.write(`${rule.meta.id.padEnd(width)}  ${defaultLevel(rule).padEnd(7)}  ${fix}  ${rule.meta.description}  (${docsPath(rule.meta.id)})\n`);
  }
  return 0;
}
