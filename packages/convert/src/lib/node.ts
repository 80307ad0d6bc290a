/**
 * Node's modules without their ES module facades: a built-in module by
 * `process.getBuiltinModule` (Node 20.16), and a `require` beside this
 * module where a package is loaded on demand. One place for what the
 * engine bundle (`scripts/bundle-engine.mjs`) used to patch in at build
 * time with a top-level `await`, which would stop `require()` of the
 * bundle on Node 22+.
 */
import { createRequire } from 'node:module';

/**
 * The built-in module `name` (`node:fs`) as itself: importing `node:fs`
 * makes its ES module facade, which reads every export, ReadStream's
 * getter among them, and so loads Node's stream modules (~4 ms of a
 * converter's start, for nothing a converter uses). Node versions without
 * `getBuiltinModule` (20.11–20.15) `require` it.
 */
export function builtinModule<T>(name: `node:${string}`): T {
  return (process.getBuiltinModule?.(name) ?? createRequire(import.meta.url)(name)) as T;
}

/** A `require` resolving from this package (opencc-js, `@node-rs/jieba`: loaded where a configuration needs them). */
export function packageRequire(): NodeJS.Require {
  return createRequire(import.meta.url);
}
