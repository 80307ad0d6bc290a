export { configFolder, ConfigFileError, configNames, findConfig, readConfigFile, type FoundConfig } from './lib/config.js';
export { findContentsFile, hasBookToml, isFile, isFolder, realPath, type ContentsFile, type FindContentsOptions } from './lib/contents.js';
export { decodeText, decodeUtf8, type Decoded } from './lib/decode.js';
export { bookOfFile, discoverBooks, type BookSpec, type DiscoverOptions } from './lib/discover.js';
export { gitTop, isHidden, listFiles, type ListOptions } from './lib/list.js';
export { acquireLock, LockError, lockName } from './lib/lock.js';
export { readFileText, readText, workTreeSource, type FileProblem, type FileSource, type ReadResult } from './lib/source.js';
export { guardPath, isInside, isRunning, removeFile, removeStaleTemps, tempPrefix, writeFileAtomic, WriteGuardError } from './lib/write.js';
export { codeFingerprint, defaultCacheFolder, hashText, readStoreFile, writeStoreFile } from './lib/store.js';
