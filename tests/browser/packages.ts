import { ensurePackages } from '../system-packages.js';

/** The browser tests drive Debian's chromium. */
export default function setup(): void {
  ensurePackages('chromium');
}
