"""Wheelhouse's tools for exercise checks: every function of every tool's Python module.

    from wheelhouse_tools import simulate_docker, step, lint_dockerfile, resolve

    result = simulate_docker(submission, files_before, files_after)
    assert step(result, "RUN pip install")["status"] == "hit", "editing src/ must not re-run pip"

Which modules there are comes from the app's list of tools (src/app/tools.ts), through the
session's bridge; each tool's module lives in its folder (src/tools/<tool>/python/).
"""

import importlib

from wheelhouse_toolkit import ToolError, js

__all__ = ["ToolError"]


def _export(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        if name in globals():
            raise ImportError(f"{module_name}.{name} clashes with another tool's {name}")
        globals()[name] = getattr(module, name)
        __all__.append(name)


for _module_name in js.python_modules:
    _export(_module_name)
