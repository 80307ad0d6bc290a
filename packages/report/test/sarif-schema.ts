import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** A validator of SARIF 2.1.0 logs against the official schema (vendored, see schemas/README.md); its `language` pattern is not valid under the `u` flag, hence `unicodeRegExp: false`. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
