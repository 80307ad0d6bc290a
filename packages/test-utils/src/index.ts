export { corpusPath, hasShared, repoRoot, seedsPath, sharedDir, sharedSkipReason, testdataPath } from './lib/corpus.js';
