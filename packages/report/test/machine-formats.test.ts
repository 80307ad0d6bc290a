import { junit, sarif } from '@tongwen/report';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { context, findings } from './fixtures.js';
import { sarifValidator } from './sarif-schema.js';

describe('sarif', () => {
  const validate = sarifValidator();

  it('validates against the SARIF 2.1.0 schema, with rules from meta, UTF-16 columns and fingerprints', () => {
    const log = JSON.parse(sarif({ findings, files: 7 }, { ...context, pathPrefix: '../书' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.rules).toEqual([
      { id: 'link-missing-file', shortDescription: { text: 'Links point at files that exist' }, defaultConfiguration: { level: 'error' }, properties: { tags: ['structure'], fixable: false } },
      { id: 'contents-orphan', shortDescription: { text: 'Every chapter is in the contents list' }, defaultConfiguration: { level: 'warning' }, properties: { tags: ['structure'], fixable: false } },
      { id: 'zh-tw-vocabulary', shortDescription: { text: 'zh-tw-vocabulary' }, defaultConfiguration: { level: 'note' }, properties: { tags: ['other'], fixable: false } },
    ]);
    expect(run.results[0]).toEqual({
      ruleId: 'link-missing-file',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Unexpected link to missing file `instal.md`' },
      locations: [{ physicalLocation: { artifactLocation: { uri: '../%E4%B9%A6/a/%E7%AB%A0%E8%8A%82.md' }, region: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 17 } } }],
      partialFingerprints: { 'tongwen/v1': '0123456789abcdef' },
    });
    expect(run.results[1].relatedLocations).toEqual([{ id: 1, physicalLocation: { artifactLocation: { uri: '../%E4%B9%A6/SUMMARY.md' }, region: { startLine: 1, startColumn: 1 } }, message: { text: 'Related place' } }]);
    // After the surrogate pair 𠮷 (two UTF-16 code units), the column stays in UTF-16.
    expect(run.results[2].locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 7, endLine: 12, endColumn: 9 });
    expect(run.results[2].level).toBe('note');
  });

  it('an empty run validates too; a broken log does not', () => {
    expect(validate(JSON.parse(sarif({ findings: [], files: 0 }, context)))).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('junit', () => {
  it('is well-formed XML with every value escaped and characters XML cannot hold stripped', () => {
    const evil = { ...findings[0]!, file: 'a&b/<章>.md', message: 'Unexpected `]]></failure><x a="1">` and \u0000\u001B\uFFFF\uD800 here' };
    const xml = junit({ findings: [evil, findings[1]!, findings[2]!], files: 7 }, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.testsuites).toMatchObject({ name: 'tongwen', tests: '3', failures: '2', errors: '0' });
    const [first, second] = parsed.testsuites.testsuite;
    expect(first.name).toBe('a&b/<章>.md');
    expect(first.testcase.failure.message).toBe('Unexpected `]]></failure><x a="1">` and  here');
    expect(first.testcase.failure.type).toBe('error');
    expect(second.name).toBe('b.md');
    expect(second.testcase.map((t: { name: string }) => t.name)).toEqual(['1:1 contents-orphan', '12:7 zh-tw-vocabulary']);
    expect(second.testcase[1]['system-out']).toBe('b.md:12:7: Unexpected `數據`, expected `資料`');
  });

  it('a clean run is one passing test case', () => {
    const xml = junit({ findings: [], files: 2 }, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).testsuites.testsuite).toMatchObject({ tests: '1', failures: '0', testcase: { name: 'check' } });
  });
});
