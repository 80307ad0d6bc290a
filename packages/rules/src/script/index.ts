import type { AnyRule } from '../lib/types.js';

/** The script-consistency rules (Simplified / Traditional). */
export const scriptRules: readonly AnyRule[] = [];
