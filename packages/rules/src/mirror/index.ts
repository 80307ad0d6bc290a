import type { AnyRule } from '../lib/types.js';
import mirrorCodeMismatch from './mirror-code-mismatch.js';
import mirrorCommandMismatch from './mirror-command-mismatch.js';
import mirrorGeneratedStale from './mirror-generated-stale.js';
import mirrorHeadingStructure from './mirror-heading-structure.js';
import mirrorLinkTarget from './mirror-link-target.js';
import mirrorListItems from './mirror-list-items.js';
import mirrorMissingFile from './mirror-missing-file.js';
import mirrorOrphan from './mirror-orphan.js';
import mirrorParagraphs from './mirror-paragraphs.js';
import mirrorProseRatio from './mirror-prose-ratio.js';
import mirrorStale from './mirror-stale.js';
import mirrorUntranslated from './mirror-untranslated.js';

/** The mirror rules: a hand-kept edition (configuration `mirrors`) against its source. */
export const mirrorRules: readonly AnyRule[] = [
  // Files
  mirrorMissingFile,
  mirrorOrphan,
  // Structure, no history needed
  mirrorHeadingStructure,
  mirrorCodeMismatch,
  mirrorCommandMismatch,
  mirrorListItems,
  mirrorParagraphs,
  mirrorLinkTarget,
  // Untranslated or stale content
  mirrorUntranslated,
  mirrorProseRatio,
  mirrorStale,
  // Generated mirrors
  mirrorGeneratedStale,
];
