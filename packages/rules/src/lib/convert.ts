/**
 * The functions of @tongwen/convert that the script rules call, in one
 * module: the command's bundle loads it, and with it the conversion engine,
 * on the first call only (see packages/cli/scripts/bundle.mjs), so that a
 * run where no script rule runs (a warm check, `--staged` on a warm store)
 * does not load the engine. Functions only; types are imported from
 * @tongwen/convert itself.
 */
export { createConvertersSync, createSegmenter, defaultProfile, reviewMessage, wordsAround } from '@tongwen/convert';
