"""The resolver, for exercise checks (through wheelhouse_tools)."""

import json

from wheelhouse_toolkit import call, js

__all__ = ["resolve"]


def resolve(problem) -> dict:
    """Resolve a problem given in the lab's text form (str) or the JSON form (dict).

    Returns {"ok": True, "solution": {package: version}} or {"ok": False, "explanation": text}.
    """
    if isinstance(problem, str):
        return call(js.resolve(problem, "text"))
    return call(js.resolve(json.dumps(problem), "json"))
