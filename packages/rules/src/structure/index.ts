import type { AnyRule } from '../lib/types.js';
import autolinkSwallowsCjk from './autolink-swallows-cjk.js';
import chapterUnchecked from './chapter-unchecked.js';
import conflictMarker from './conflict-marker.js';
import contentsDuplicate from './contents-duplicate.js';
import contentsEmpty from './contents-empty.js';
import contentsMissingFile from './contents-missing-file.js';
import contentsOrphan from './contents-orphan.js';
import contentsSyntax from './contents-syntax.js';
import contentsTargetNotFile from './contents-target-not-file.js';
import contentsTitleMismatch from './contents-title-mismatch.js';
import definitionUnused from './definition-unused.js';
import emphasisNotRendered from './emphasis-not-rendered.js';
import fileCaseTwin from './file-case-twin.js';
import fileEncoding from './file-encoding.js';
import fileTooLarge from './file-too-large.js';
import fileUnreadable from './file-unreadable.js';
import fenceUnclosed from './fence-unclosed.js';
import headingAccidentalSetext from './heading-accidental-setext.js';
import headingDuplicateId from './heading-duplicate-id.js';
import headingEmpty from './heading-empty.js';
import headingIncrement from './heading-increment.js';
import headingMissingSpace from './heading-missing-space.js';
import headingMultipleTitles from './heading-multiple-titles.js';
import imageMissing from './image-missing.js';
import linkCaseMismatch from './link-case-mismatch.js';
import linkMissingAnchor from './link-missing-anchor.js';
import linkMissingFile from './link-missing-file.js';
import linkMissingScheme from './link-missing-scheme.js';
import linkNotRendered from './link-not-rendered.js';
import linkOutsideBook from './link-outside-book.js';
import linkToUnlisted from './link-to-unlisted.js';
import referenceUndefined from './reference-undefined.js';
import ruleCrashed from './rule-crashed.js';
import tableExtraCells from './table-extra-cells.js';

/** The structure rules: contents list, links, anchors, images, headings, blocks. */
export const structureRules: readonly AnyRule[] = [
  // Contents list
  contentsMissingFile,
  contentsOrphan,
  contentsDuplicate,
  contentsTitleMismatch,
  contentsSyntax,
  contentsEmpty,
  contentsTargetNotFile,
  linkToUnlisted,
  // Links, anchors, images
  linkMissingFile,
  imageMissing,
  linkMissingAnchor,
  linkCaseMismatch,
  linkOutsideBook,
  linkMissingScheme,
  linkNotRendered,
  referenceUndefined,
  definitionUnused,
  // Headings and blocks
  headingMissingSpace,
  headingIncrement,
  headingMultipleTitles,
  headingAccidentalSetext,
  headingEmpty,
  headingDuplicateId,
  fenceUnclosed,
  conflictMarker,
  emphasisNotRendered,
  autolinkSwallowsCjk,
  tableExtraCells,
  // Files and the engine
  fileEncoding,
  fileCaseTwin,
  fileUnreadable,
  fileTooLarge,
  ruleCrashed,
  chapterUnchecked,
];
