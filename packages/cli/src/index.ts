export { checkFolder, checkMarkdown, convertFolder, convertText, type CheckFolderOptions, type CheckMarkdownOptions, type CheckReport, type ConvertFolderOptions, type ConvertTextOptions } from './api.js';
export { run, type Io } from './main.js';
export type { Finding } from '@tongwen/book';
export { ConfigError, InputError, type Config, type RuleLevel } from '@tongwen/linter';
export type { Locale } from '@tongwen/rules';
