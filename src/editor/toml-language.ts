/** TOML highlighting for Monaco (pyproject.toml, lock files): a small Monarch grammar of our own. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export function registerToml(monaco: typeof Monaco): void {
  monaco.languages.register({ id: 'toml', extensions: ['.toml'], aliases: ['TOML'] });
  monaco.languages.setLanguageConfiguration('toml', {
    comments: { lineComment: '#' },
    brackets: [
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
  });
  monaco.languages.setMonarchTokensProvider('toml', {
    defaultToken: '',
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/^\s*\[\[?[^\]]*\]\]?/, 'type'],
        [/[A-Za-z0-9_.-]+(?=\s*=)/, 'key'],
        [/"[^"]*"(?=\s*=)/, 'key'],
        { include: '@values' },
      ],
      values: [
        [/"""/, 'string', '@multiBasic'],
        [/'''/, 'string', '@multiLiteral'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'[^']*'/, 'string'],
        [/\b(true|false)\b/, 'keyword'],
        [/\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?/, 'number'],
        [
          /[+-]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?|inf|nan)/,
          'number',
        ],
        [/[[\]{},=]/, 'delimiter'],
      ],
      multiBasic: [
        [/"""/, 'string', '@pop'],
        [/./, 'string'],
      ],
      multiLiteral: [
        [/'''/, 'string', '@pop'],
        [/./, 'string'],
      ],
    },
  });
}
