import type { AnyRule } from '../lib/types.js';
import contentsMissingFile from './contents-missing-file.js';
import contentsOrphan from './contents-orphan.js';
import fenceUnclosed from './fence-unclosed.js';
import linkMissingFile from './link-missing-file.js';

/** The structure rules: contents list, links, anchors, images, headings, blocks. */
export const structureRules: readonly AnyRule[] = [contentsMissingFile, contentsOrphan, linkMissingFile, fenceUnclosed];
