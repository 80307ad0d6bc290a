// Write what is generated from the rules' meta: the options tables of
// packages/rules/docs/*.md and packages/cli/tongwen.config.schema.json.
// Run after `pnpm build`: `pnpm generate` at the repository root.
import { readFileSync, writeFileSync } from 'node:fs';
import { configSchema } from '@tongwen/linter';
import { rules, withOptionsSection } from '@tongwen/rules';

const root = new URL('../../../', import.meta.url);
for (const rule of rules) {
  const file = new URL(`packages/rules/docs/${rule.meta.id}.md`, root);
  const docs = readFileSync(file, 'utf8');
  const next = withOptionsSection(docs, rule.meta);
  if (next !== docs) writeFileSync(file, next);
}
writeFileSync(new URL('packages/cli/tongwen.config.schema.json', root), `${JSON.stringify(configSchema(), null, 2)}\n`);
