/**
 * # zh-conversion-review
 *
 * The review list of a converted book (opt-in, info): the places of a
 * Traditional chapter where the conversion from Simplified had to guess —
 * the same list `tongwen convert --review` writes. A character with several
 * Traditional forms that no phrase decides (面 → 面 or 麵, 干 → 幹 or 乾), a
 * Taiwan phrase of a word with several senses (程序 → 程式 or 程序), a
 * name whose characters changed (范 → 範). The chapter is read back to
 * Simplified and converted again as the conversion did; a place is reported
 * while its text is still the conversion's guess. Not fixable: a human
 * decides.
 *
 * ```markdown
 * 這個程式碼很好。     <!-- fine (zh-TW, tech by default): 程式碼 is no guess -->
 * 他把面煮幹了。       <!-- reported: `面` may be `麵` -->
 * ```
 */
import type { OpenccConfig } from '@tongwen/convert';
import { defaultProfile, reviewMessage } from '../lib/convert.js';
import { defineChapterRule } from '../lib/define.js';
import { proseStreams, rangeOf } from '../lib/text.js';
import { converter, roundTrip, wordAwareConverters } from './opencc.js';

type Profile = 'characters' | 'phrases' | 'tech';

export default defineChapterRule<{ profile: Profile | 'default' }>({
  meta: {
    id: 'zh-conversion-review',
    family: 'script',
    scope: 'chapter',
    description: 'Conversion guesses in a converted book should be reviewed by a human (the `tongwen convert --review` list)',
    fixable: false,
    severity: 'info',
    presets: [],
    options: {
      profile: {
        type: 'string',
        enum: ['default', 'characters', 'phrases', 'tech'],
        default: 'default',
        description:
          'How the book was converted: `default` (what `tongwen convert` uses when no `--profile` is asked: `tech` for zh-TW, else `characters`), `characters` (s2t, s2tw, s2hk), `phrases` (s2twp, s2hkp) or `tech` (s2twt, zh-TW); with the Taiwan phrases, words of several senses are reviewed too',
      },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    if (!locale || locale === 'zh-Hans') return;
    // One place decides the default profile: the same as `tongwen convert --to` without `--profile`.
    const profile = options.profile === 'default' ? defaultProfile('zh-Hans', locale) : options.profile;
    const config = forward(locale, profile);
    const toSimplified = converter(cache, backward(locale, profile));
    const converters = wordAwareConverters(cache);
    for (const stream of proseStreams(chapter, cache)) {
      // Clause by clause (runs of Han characters): a clause whose length the way back changes (記憶體 → 内存) is skipped.
      for (const match of stream.text.matchAll(/\p{Script=Han}+/gu)) {
        const clause = match[0];
        const simplified = toSimplified(clause);
        if (simplified.length !== clause.length) continue;
        // The two characters after the clause (no Han among them) tell a verb before its Latin object (发 PR).
        const end = match.index + clause.length;
        const tail = stream.text.slice(end, end + 2);
        for (const item of converters.review(config, simplified + tail)) {
          if (item.end > clause.length) continue;
          if (clause.slice(item.start, item.end) !== item.chosen) continue;
          const range = rangeOf(stream, match.index + item.start, match.index + item.end);
          if (range) report({ message: reviewMessage(item), start: range.start, end: range.end });
        }
      }
    }
  },
});

/** The configuration that reads a chapter of `locale` back to Simplified (with the regional phrases when the conversion used them). */
function backward(locale: 'zh-Hant' | 'zh-TW' | 'zh-HK', profile: Profile): OpenccConfig {
  if (locale === 'zh-Hant') return roundTrip(locale)[0];
  if (profile === 'characters') return roundTrip(locale)[0];
  return locale === 'zh-TW' ? 'tw2sp' : 'hk2sp';
}

/** The configuration that converted a Simplified book into `locale` with `profile`. */
function forward(locale: 'zh-Hant' | 'zh-TW' | 'zh-HK', profile: Profile): OpenccConfig {
  if (locale === 'zh-TW') return profile === 'tech' ? 's2twt' : profile === 'phrases' ? 's2twp' : 's2tw';
  if (locale === 'zh-HK') return profile === 'characters' ? 's2hk' : 's2hkp';
  return 's2t';
}
