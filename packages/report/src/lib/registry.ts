import { json } from '../formatters/json.js';
import { stylish } from '../formatters/stylish.js';
import type { Formatter } from './types.js';

/** Every formatter, by the name `--format` takes. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json };

/** The names `--format` accepts. */
export const formatNames: readonly string[] = Object.keys(formatters);
