/**
 * How a tool's function answers Python (see ToolPython in tool.ts): JSON text, so that nothing
 * depends on how Pyodide converts objects. A thrown error becomes `{"ok": false, "errors":
 * [message]}`, which the checks' side (wheelhouse_toolkit.call) raises as a ToolError.
 */
export function answersInJson<Args extends never[]>(
  work: (...args: Args) => unknown,
): (...args: Args) => string {
  return (...args) => {
    try {
      return JSON.stringify(work(...args));
    } catch (error) {
      return JSON.stringify({
        ok: false,
        errors: [error instanceof Error ? error.message : String(error)],
      });
    }
  };
}
