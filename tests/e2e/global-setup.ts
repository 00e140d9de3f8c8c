import { requireChromium } from '../harness/chromium';
import { requireBuild } from '../harness/browser';
import { requireFirefox, requireFirefoxBuild } from '../harness/firefox';

/** Fail at once, with the fix, rather than in every test. */
export default function setup() {
  requireChromium();
  requireBuild();
  requireFirefox();
  requireFirefoxBuild();
}
