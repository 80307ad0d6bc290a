import type { AnyRule } from '../lib/types.js';
import zhConversionReview from './zh-conversion-review.js';
import zhMisconversion from './zh-misconversion.js';
import zhScriptMixed from './zh-script-mixed.js';
import zhTwVocabulary from './zh-tw-vocabulary.js';

/** The script-consistency rules (Simplified / Traditional). */
export const scriptRules: readonly AnyRule[] = [zhScriptMixed, zhMisconversion, zhTwVocabulary, zhConversionReview];
