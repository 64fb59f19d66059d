/**
 * Finds a Chromium for the e2e suite: a Playwright-managed one if installed, else Debian's
 * /usr/bin/chromium, else (as root, with apt) installs Debian's `chromium`; otherwise it stops
 * with one line that says what to install. Playwright's own download cannot work offline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function managedChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function installWithApt(): boolean {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return false;
  console.log('e2e: installing Debian chromium with apt-get (first run only)…');
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  return existsSync(SYSTEM_CHROMIUM);
}

/** What the browser says it is, e.g. "Chromium 156.0.8078.129 built on Debian ...". */
export function chromiumVersion(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch (error) {
    return `unknown version (${executable} --version failed: ${String(error).split('\n')[0]})`;
  }
}

export function findChromium(): string {
  const found = managedChromium() ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  if (found) return found;
  if (installWithApt()) return SYSTEM_CHROMIUM;
  throw new Error(
    'e2e needs Chromium: install Debian\'s "chromium" (sudo apt-get install chromium) or run "npx playwright install chromium".',
  );
}
