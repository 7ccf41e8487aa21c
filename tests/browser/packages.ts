import { ensurePackages } from '../system-packages.js';

/** The browser tests drive Debian's chromium; the Nu HTML checker (vnu-jar) runs on Java. */
export default function setup(): void {
  ensurePackages('chromium', 'java=default-jre-headless');
}
