export { corpusPath, hasShared, repoRoot, seedsPath, sharedDir, sharedSkipReason, testdataPath } from './lib/corpus.js';
export { memoryBook, testRule, type CaseInput, type ExpectedFinding, type InvalidCase, type ValidCase } from './lib/rule-tester.js';
