/** The files of a new pack (`pack new`): one lesson with a cell and an exercise that pass check. */

export function scaffoldFiles(id: string): Record<string, string> {
  const manifest = `id: ${id}
title: My first pack
description: A short course written with Wheelhouse. Replace this with what learners will get.
version: 0.1.0
authors:
  - Your Name
licence: CC-BY-4.0
packages: []
lessons:
  - first-steps
`;
  const lesson = `---
title: First steps
summary: A runnable cell and a checked exercise, to copy from.
minutes: 5
---

Prose is Markdown. A fenced block marked \`python run\` becomes a cell learners can run:

\`\`\`python run
greeting = "Hello"
print(greeting, "from Python")
\`\`\`

::: exercise id=shout title="Shout it"
Write \`shout(text)\` that returns the text in capitals with an exclamation mark:
\`shout("hi")\` gives \`"HI!"\`.

\`\`\`python starter
def shout(text):
    return text
\`\`\`

\`\`\`python solution
def shout(text):
    return text.upper() + "!"
\`\`\`

\`\`\`python checks
expect_returns(shout, [("hi", "HI!"), ("ship it", "SHIP IT!")])
assert shout("") == "!", 'shout("") should be "!"'
\`\`\`

\`\`\`markdown hint
Strings have an \`upper()\` method.
\`\`\`

\`\`\`markdown hint
Join two strings with \`+\`: \`text.upper() + "!"\`.
\`\`\`
:::
`;
  return { 'pack.yaml': manifest, 'first-steps.md': lesson };
}
