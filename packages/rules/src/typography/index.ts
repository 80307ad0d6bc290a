import type { AnyRule } from '../lib/types.js';

/** The Chinese typography rules. */
export const typographyRules: readonly AnyRule[] = [];
