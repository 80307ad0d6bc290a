export { activeRules, ConfigError, configNames, loadConfig, severityOf, validateConfig, type ActiveRule, type Config, type RuleLevel, type RuleSetting } from './lib/config.js';
export { readSuppressions, type Suppressions } from './lib/comments.js';
export { compatibleFixes, fixBook, type FixResult } from './lib/fix.js';
export { fingerprint, lintBook, localeOf, printable, sortFindings, type LintOptions } from './lib/lint.js';
export { decodeUtf8, discoverBooks, listFiles, loadBook, markdownExtensions, type BookSpec, type LoadOptions } from './lib/load.js';
export { check, InputError, type CheckedBook, type CheckOptions, type CheckResult } from './lib/run.js';
export { tempPrefix, writeFileAtomic } from './lib/write.js';
export { ChapterCache, codeFingerprint, defaultCacheFolder, hashText } from './lib/cache.js';
export { checkExternal, collectExternalLinks, externalRuleId, isReservedAddress, isReservedHost, retryAfter, type ExternalLink, type ExternalOptions, type UrlResult } from './lib/external.js';
