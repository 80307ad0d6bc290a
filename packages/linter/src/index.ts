export { activeRules, ConfigError, configNames, loadConfig, severityOf, validateConfig, type ActiveRule, type Config, type RuleLevel, type RuleSetting } from './lib/config.js';
export { projectDialect, siteSettings } from './lib/dialect.js';
export { readSuppressions, type Suppressions } from './lib/comments.js';
export { compatibleFixes, fixBook, type FixResult } from './lib/fix.js';
export { fingerprint, lintBook, localeOf, sortFindings, type LintOptions } from './lib/lint.js';
export { decodeUtf8, discoverBooks, isHidden, listFiles, loadBook, markdownExtensions, type BookSpec, type LoadOptions } from './lib/load.js';
export { check, InputError, openSource, type CheckedBook, type CheckOptions, type CheckResult, type SourceChoice } from './lib/run.js';
export { ChapterCache, codeFingerprint, defaultCacheFolder, hashText } from './lib/cache.js';
export { checkExternal, collectExternalLinks, externalRuleId, isReservedHost, type ExternalLink, type ExternalOptions, type UrlResult } from './lib/external.js';
