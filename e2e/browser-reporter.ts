/** Prints which browser the suite runs on, first, so a run on another version is visible. */
import type { FullConfig, Reporter } from '@playwright/test/reporter';
import { chromiumVersion } from './browser';

export default class BrowserVersion implements Reporter {
  onBegin(config: FullConfig): void {
    const executable = config.projects[0]?.use.launchOptions?.executablePath;
    console.log(
      executable
        ? `Browser: ${chromiumVersion(executable)} (${executable})`
        : "Browser: Playwright's own Chromium",
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
