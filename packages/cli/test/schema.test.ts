import { readFileSync } from 'node:fs';
import { configSchema } from '@tongwen/linter';
import { expect, it } from 'vitest';

it('the published tongwen.config.schema.json is the one generated from the rules meta (run `pnpm generate` after changing a rule option)', () => {
  const written = readFileSync(new URL('../tongwen.config.schema.json', import.meta.url), 'utf8');
  expect(written).toBe(`${JSON.stringify(configSchema(), null, 2)}\n`);
});
