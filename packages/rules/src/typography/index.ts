import type { AnyRule } from '../lib/types.js';
import properNounCase from './proper-noun-case.js';
import zhEllipsisDash from './zh-ellipsis-dash.js';
import zhFullwidthAlphanumeric from './zh-fullwidth-alphanumeric.js';
import zhPunctuationRepeated from './zh-punctuation-repeated.js';
import zhPunctuationWidth from './zh-punctuation-width.js';
import zhQuotes from './zh-quotes.js';
import zhSpaceAroundFullwidth from './zh-space-around-fullwidth.js';
import zhSpacing from './zh-spacing.js';

/** The Chinese typography rules. */
export const typographyRules: readonly AnyRule[] = [zhSpacing, zhPunctuationWidth, zhSpaceAroundFullwidth, zhQuotes, zhEllipsisDash, zhPunctuationRepeated, zhFullwidthAlphanumeric, properNounCase];
