import { requireChromium } from '../harness/chromium';
import { requireBuild } from '../harness/browser';

/** Fail at once, with the fix, rather than in every test. */
export default function setup() {
  requireChromium();
  requireBuild();
}
