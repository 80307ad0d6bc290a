/**
 * # mirror-generated-stale
 *
 * A file of a `generated` mirror (configuration `mirrors`, kind
 * `generated`: made by `tongwen convert`) that is not what the conversion
 * wrote from its source, read from the mirror's `.tongwen-convert.json`:
 * its source changed since (convert again), the output was edited by hand
 * (edit the source and convert), a source file has no output yet, or an
 * output file has no source. `tongwen convert --check` answers the same
 * question by converting again; this rule answers it from hashes, in every
 * `check` and in the gate. A mirror without a manifest is not judged.
 *
 * ```markdown
 * <!-- mirrors: [{ "source": "zh-hans", "mirror": "zh-tw", "kind": "generated" }] -->
 * <!-- zh-tw/a.md edited by hand after `tongwen convert`: reported -->
 * ```
 */
import { defineMirrorRule } from '../lib/mirror.js';
import type { MirrorDrift } from '../lib/types.js';

const messages: Record<MirrorDrift['state'], (drift: MirrorDrift) => string> = {
  'source-changed': ({ source, mirror }) => `Unexpected generated mirror file \`${mirror}\` older than its source \`${source}\`, expected it converted again (\`tongwen convert\`)`,
  'hand-edited': ({ source, mirror }) => `Unexpected hand edit in generated mirror file \`${mirror}\`, expected the text \`tongwen convert\` wrote from \`${source}\` (edit the source, then convert)`,
  missing: ({ source, mirror }) => `Unexpected source file \`${source}\` without its generated mirror file, expected \`${mirror}\` (\`tongwen convert\`)`,
  extra: ({ source, mirror }) => `Unexpected file \`${mirror}\` in a generated mirror without a source, expected \`${source}\` or no such file`,
};

export default defineMirrorRule({
  meta: {
    id: 'mirror-generated-stale',
    description: 'A generated mirror must hold what `tongwen convert` wrote from the current source',
    severity: 'error',
    options: {},
  },
  checkDrift({ drift, report }) {
    report({ file: drift.state === 'missing' ? drift.source : drift.mirror, start: 0, end: 0, message: messages[drift.state](drift) });
  },
});
