import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, chromiumAvailable } from '../helpers/browser';

/**
 * Browser tests need Debian's Chromium and the built client. Under CI=true a missing browser fails
 * the run (it must not silently skip); locally the browser tests are skipped with a message.
 */
export default function setup(): void {
  if (!chromiumAvailable()) {
    const msg = `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`;
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(msg);
    console.warn(`\n⚠ ${msg}\n  Browser tests are skipped.\n`);
  }
  const index = path.resolve(import.meta.dirname, '../../dist/client/index.html');
  if (!fs.existsSync(index)) {
    throw new Error('The client is not built: run `npm run build:client` (npm test does this first).');
  }
}
