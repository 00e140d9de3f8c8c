import { existsSync } from 'node:fs';

/** Where Chromium or Chrome usually lives; CHROMIUM_PATH (or CHROME_PATH) wins. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  return USUAL_PATHS.find((p) => existsSync(p));
}

export function requireChromium(): string {
  const path = findChromium();
  if (!path || !existsSync(path)) {
    throw new Error(
      `No Chromium found${path ? ` at ${path}` : ''}. Install it (Debian: apt-get install -y chromium) ` +
        `or point CHROMIUM_PATH at a Chromium or Chrome binary. Looked in: ${USUAL_PATHS.join(', ')}`,
    );
  }
  return path;
}
