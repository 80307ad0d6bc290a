import { docsPath, rules } from '@tongwen/rules';
import type { Io } from '../io.js';

/** `tongwen rules`: every rule with one line and its docs. */
export async function runRules(_args: string[], io: Io): Promise<number> {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  for (const rule of rules) {
    const flags = `${rule.meta.fixable ? 'fix' : '   '} ${rule.meta.presets.includes('recommended') ? 'rec' : '   '}`;
    io.stdout.write(`${rule.meta.id.padEnd(width)}  ${flags}  ${rule.meta.description}  (${docsPath(rule.meta.id)})\n`);
  }
  return 0;
}
