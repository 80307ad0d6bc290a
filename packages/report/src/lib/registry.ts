import { github } from '../formatters/github.js';
import { html } from '../formatters/html.js';
import { json } from '../formatters/json.js';
import { junit } from '../formatters/junit.js';
import { markdown } from '../formatters/markdown.js';
import { rdjson } from '../formatters/rdjson.js';
import { sarif } from '../formatters/sarif.js';
import { stylish } from '../formatters/stylish.js';
import type { Formatter } from './types.js';

export { formatNames, loadFormatter, sideOutputs, terminalFormats } from './formats.js';

/** Every formatter, by the name `--format` takes (loaded together; `loadFormatter` loads one). */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, junit, github, markdown, rdjson, html };
