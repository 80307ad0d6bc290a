import * as linter from '@tongwen/linter';
import { expect, it } from 'vitest';

it('exports exactly these values (types do not appear at runtime)', () => {
  expect(Object.keys(linter).sort()).toEqual([
    'ChapterCache',
    'ConfigError',
    'InputError',
    'activeRules',
    'check',
    'checkExternal',
    'codeFingerprint',
    'collectExternalLinks',
    'compatibleFixes',
    'configNames',
    'decodeUtf8',
    'defaultCacheFolder',
    'discoverBooks',
    'externalRuleId',
    'fingerprint',
    'fixBook',
    'hashText',
    'isReservedAddress',
    'isReservedHost',
    'lintBook',
    'listFiles',
    'loadBook',
    'loadConfig',
    'localeOf',
    'markdownExtensions',
    'readSuppressions',
    'retryAfter',
    'severityOf',
    'sortFindings',
    'tempPrefix',
    'validateConfig',
    'writeFileAtomic',
  ]);
});
