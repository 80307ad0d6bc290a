export { corpusPath, hasShared, repoRoot, seedsPath, sharedDir, sharedSkipReason, testdataPath } from './lib/corpus.js';
export { assertSoundCase, memoryBook, testRule, type CaseInput, type ExpectedFinding, type InvalidCase, type ValidCase } from './lib/rule-tester.js';
export { conventionBook } from './lib/books.js';
export { corpusBook, oncePerWorker } from './lib/shared-setup.js';
