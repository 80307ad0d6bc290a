/**
 * # mirror-stale
 *
 * A section of a mirror file whose source section changed since the mirror
 * was last brought in step: since `tongwen mirror stamp` recorded the
 * source's section hashes for it, or, without a stamp, in a git repository,
 * since the mirror file's last commit. Sections are compared by position
 * (heading order), so the message names the mirror's section that now needs
 * work and the source section that changed. A section whose heading alone
 * changed (retitled) and a source that moved since are reported as `info`.
 *
 * ```markdown
 * <!-- zh-hans/a.md: ## 配置 edited after zh-tw/a.md was stamped -->
 * <!-- zh-tw/a.md:   ## 設定 : reported -->
 * ```
 */
import type { Chapter } from '@tongwen/book';
import { changedIndices, defineMirrorRule, retitled, sectionsOf, type Section } from '../lib/mirror.js';
import type { MirrorBasis } from '../lib/types.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-stale',
    description: 'The sections of a mirror file must be in step with the source sections they were made from',
    severity: 'warning',
    options: {},
  },
  checkPair({ pair, source, mirror, mirrorHistory, report }) {
    const basis = mirrorHistory?.get(pair.mirror);
    if (!basis) return;
    if (basis.source !== pair.source) {
      report({ start: 0, severity: 'info' }, `Unexpected source \`${pair.source}\` moved from \`${basis.source}\` ${since(basis)}, expected the mirror stamped again`);
    }
    const now = sectionsOf(source);
    const changed = changedIndices(basis.sections, now.map((section) => section.hash));
    const mirrorSections = sectionsOf(mirror);
    for (const index of changed) {
      const target = mirrorSections[Math.min(index, mirrorSections.length - 1)]!;
      const section = now[index]!;
      const at = { start: target.start, sourceAt: section.start };
      if (retitled(section.hash, basis.sections)) {
        report({ ...at, severity: 'info' }, `Unexpected heading ${title(mirror, target)} of a retitled source section ${title(source, section)} of \`${pair.source}\` (retitled ${since(basis)}), expected the heading reviewed`);
      } else {
        report(at, `Unexpected stale section ${title(mirror, target)}, expected it in step with source section ${title(source, section)} of \`${pair.source}\` changed ${since(basis)}`);
      }
    }
  },
});

function title(chapter: Chapter, section: Section): string {
  const heading = chapter.headings[section.heading];
  return heading ? `\`${'#'.repeat(heading.depth)} ${heading.text}\`` : '(before the first heading)';
}

function since(basis: MirrorBasis): string {
  if (basis.kind === 'stamp') return 'since the stamp';
  const commits = basis.commits ?? [];
  const list = commits.length > 0 ? `: ${commits.slice(0, 3).map((commit) => commit.slice(0, 7)).join(', ')}${commits.length > 3 ? ', …' : ''}` : '';
  return `since commit ${basis.commit ?? '?'}${list}`;
}
