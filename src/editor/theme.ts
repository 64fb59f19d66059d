export type ThemeChoice = 'light' | 'dark' | 'auto';

/** The Monaco theme for a choice; `auto` follows the operating system's setting. */
export function editorTheme(choice: ThemeChoice): string {
  const dark =
    choice === 'dark' ||
    (choice === 'auto' && globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches);
  return dark ? 'wheelhouse-dark' : 'wheelhouse-light';
}
