import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Installs Debian's packages for a layer of tests when they are missing (scripts/ensure-packages.sh:
 * `command[=package]` or `/file=package`). Called from the global setup of the layers that
 * need them, so that only those wait for apt.
 */
export function ensurePackages(...specs: string[]): void {
  execFileSync('bash', [path.resolve(import.meta.dirname, '../scripts/ensure-packages.sh'), ...specs], { stdio: 'inherit' });
}
