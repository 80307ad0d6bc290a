export { summarize, type FormatContext, type Formatter, type ReportInput, type Summary } from './lib/types.js';
export { formatNames, formatters } from './lib/registry.js';
export { json } from './formatters/json.js';
export { displayWidth, stylish } from './formatters/stylish.js';
