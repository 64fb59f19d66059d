/**
 * One-line explanations, for learners, of the Ruff rules they meet most with the default rule
 * set. Ruff's message says what is wrong; the note says why it matters.
 */
const NOTES: Record<string, string> = {
  F401: 'An import nobody uses slows start-up and misleads readers about what the code needs.',
  F403: '`import *` hides where names come from and can silently replace your own.',
  F405: 'The name may come from a `*` import, or from nowhere; import it by name.',
  F541: 'An f-string with nothing to fill in is a plain string: drop the `f`.',
  F601: 'A repeated key silently replaces the earlier value.',
  F632: '`is` compares identity, not value: use `==` for numbers and strings.',
  F811: 'The earlier definition is replaced before anything uses it; one of the two is a mistake.',
  F821: 'Python raises NameError here unless the name is defined first; check the spelling.',
  F823: 'Assigning to a name anywhere in a function makes it local in the whole function.',
  F841: 'The value is computed and thrown away: use it or remove the assignment.',
  E401: 'One import per line is easier to read, sort and review.',
  E402: 'Imports at the top show at once what a module depends on.',
  E501: 'Long lines are hard to read; break them at a bracket.',
  E701: 'One statement per line is easier to read and to step through.',
  E702: 'One statement per line is easier to read and to step through.',
  E703: 'Python needs no semicolon at the end of a statement.',
  E711: '`None` is a single object: test for it with `is None` or `is not None`.',
  E712: 'Test truth directly (`if done:`), not by comparing with True or False.',
  E713: '`x not in y` says what it means; `not x in y` reads as `(not x) in y`.',
  E714: '`x is not y` says what it means; `not x is y` reads as `(not x) is y`.',
  E721: 'Use `isinstance()` to check a type: it also accepts subclasses.',
  E722: 'A bare `except` also catches Ctrl+C and exit(); name the exceptions you expect.',
  E731: 'A `def` gives the function a real name in tracebacks.',
  E741: 'The names l, O and I are easily confused with 1 and 0.',
  B006: 'A default value is made once: every call shares (and changes) the same object.',
  B007: 'The loop variable is unused: call it `_` to say so.',
  B008: 'The call runs once, when the function is defined, not on every call.',
  B011: '`assert` disappears under `python -O`: raise AssertionError instead.',
  B015: 'The comparison result is thrown away: did you mean `assert` or `=`?',
  B018: 'The value is computed and thrown away: print it or assign it.',
  B020: 'The loop variable replaces the collection being looped over.',
  B023: 'The function sees the variable as it is when called, not as it was in this iteration.',
  B904: 'Use `raise ... from err` so the traceback keeps the original cause.',
  B905: '`zip()` stops at the shortest input; `strict=True` turns a length mismatch into an error.',
};

export function ruleNote(code: string): string | undefined {
  return NOTES[code];
}
