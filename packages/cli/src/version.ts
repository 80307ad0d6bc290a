import { fileURLToPath } from 'node:url';
import { readFileText } from '@tongwen/workspace';

const manifest = readFileText(fileURLToPath(new URL('../package.json', import.meta.url)));

/** The version of the `tongwen` package. */
export const version: string = 'text' in manifest ? (JSON.parse(manifest.text) as { version: string }).version : '0.0.0';
