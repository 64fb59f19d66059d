"""What every tool's Python module needs to call its JavaScript side.

A tool's functions answer in JSON (src/shared/python-answer.ts); `call` reads the answer and
raises ToolError when the tool could not run.
"""

import json

import _wheelhouse_tools_js  # registered by the session: every tool's functions

__all__ = ["ToolError", "call", "js"]


class ToolError(Exception):
    """The tool could not run: the message says why (often a mistake in the learner's input)."""


class _Tools:
    """The session's bridge; in the browser, the tools' functions arrive after Python starts."""

    def __getattr__(self, name: str):
        try:
            return getattr(_wheelhouse_tools_js, name)
        except AttributeError:
            raise ToolError(
                f"the tools are still loading ({name} is not there yet); check again in a moment"
            ) from None


js = _Tools()


def call(answer: str) -> dict:
    """The JSON a tool function answered, or ToolError with the tool's reasons."""
    result = json.loads(answer)
    if isinstance(result, dict) and result.get("ok") is False and "errors" in result:
        raise ToolError("; ".join(result["errors"]))
    return result
