import { dialects, slugFlavours } from '@tongwen/book';
import { locales, optionsSchema, presets, rules, type AnyRule, type JsonSchema } from '@tongwen/rules';

/** The levels a rule can be set to. */
export const ruleLevels = ['off', 'info', 'warning', 'warn', 'error'] as const;

/** The grammars of a contents list. */
export const grammars = ['auto', 'gitbook', 'mdbook'] as const;

/** The slug flavours a configuration may name. */
export const configSlugFlavours = slugFlavours;


function ruleSettingSchema(rule: AnyRule): JsonSchema {
  const level = { enum: [...ruleLevels] };
  return {
    description: `${rule.meta.description} (default: \`${rule.meta.severity}\`${rule.meta.presets.includes('recommended') ? ' in `recommended`' : ', off in `recommended`'})`,
    oneOf: [level, { type: 'array', items: [level, optionsSchema(rule.meta)], minItems: 1, maxItems: 2 }],
  };
}

function rulesSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'Rule levels and options, over the preset',
    properties: Object.fromEntries(rules.map((rule) => [rule.meta.id, ruleSettingSchema(rule)])),
    additionalProperties: false,
  };
}

const globs = (description: string): JsonSchema => ({ description, oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] });

/**
 * The JSON Schema (draft-07) of `tongwen.config.json`, generated from the
 * rules' meta: each rule option is written once, in its rule.
 */
export function configSchema(): JsonSchema {
  const rulesProperty = rulesSchema();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'tongwen configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file (for editors)' },
      extends: globs('Presets (`recommended`, `zh-hans`, `zh-hant`, `zh-tw`, `zh-hk`) or configuration files (relative to this file) this one builds on, in order'),
      root: { type: 'boolean', description: 'This is the top configuration: folders above are not searched', default: false },
      contents: globs('Contents-list file from the book root, or a list of files and globs (the first file is the main list)'),
      grammar: { enum: [...grammars], description: 'Contents-list grammar', default: 'auto' },
      locale: { enum: [...locales], description: 'Locale of the chapters when neither the command line nor front matter says' },
      slug: { enum: [...configSlugFlavours], description: 'Slug flavour of heading anchors', default: 'github' },
      dialect: { enum: [...dialects], description: 'The site tool the book is written for (default: detected from the project files)' },
      publicDir: globs('Folder(s) from the book root served at the site root (default: the dialect\'s `public` or `static`)'),
      siteBase: { type: 'string', pattern: '^/', description: 'The path the site is served under (`/docs/`), stripped from site-absolute links' },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs (from the book root) of files that are not part of the book' },
      preset: { enum: [...presets], description: 'Preset of rules', default: 'recommended' },
      rules: rulesProperty,
      overrides: {
        type: 'array',
        description: 'Rule levels and options for the files matching globs (from the book root); later entries win',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: { files: globs('Globs of the files this entry applies to'), excludedFiles: globs('Globs of files this entry does not apply to'), rules: rulesProperty },
        },
      },
      repository: { type: 'string', pattern: '^[\\w.-]+/[\\w.-]+$', description: '`owner/repo` whose absolute GitHub URLs are checked as local files' },
      external: { type: 'boolean', description: 'Also check external http(s) links (as `--external`)', default: false },
      mirrors: {
        type: 'array',
        description: 'Editions kept in step with a source edition (folders from the book root)',
        items: {
          type: 'object',
          required: ['source', 'mirror', 'kind'],
          additionalProperties: false,
          properties: {
            source: { type: 'string' },
            mirror: { type: 'string' },
            kind: { enum: ['human', 'generated'] },
            profile: { enum: ['characters', 'phrases', 'tech'] },
            partial: { type: 'boolean', description: 'The mirror translates some pages only: a source page without a mirror is not reported', default: false },
          },
        },
      },
    },
  };
}
