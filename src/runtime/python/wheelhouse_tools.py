"""Wheelhouse's labs, for exercise checks: the Docker layer-cache simulator and the resolver.

    from wheelhouse_tools import simulate_docker, step, lint_dockerfile, resolve

    result = simulate_docker(submission, files_before, files_after)
    assert step(result, "RUN pip install")["status"] == "hit", "editing src/ must not re-run pip"
"""

import json

import _wheelhouse_tools_js as _js  # registered by the session

__all__ = ["ToolError", "lint_dockerfile", "resolve", "simulate_docker", "step"]


class ToolError(Exception):
    """The lab could not run: the message says why (often a mistake in the learner's input)."""


def _call(raw: str) -> dict:
    result = json.loads(raw)
    if isinstance(result, dict) and result.get("ok") is False and "errors" in result:
        raise ToolError("; ".join(result["errors"]))
    return result


def simulate_docker(
    dockerfile: str,
    files_before: dict,
    files_after: dict | None = None,
    *,
    dockerfile_after: str | None = None,
    dockerignore: str | None = None,
    build_args_before: dict | None = None,
    build_args_after: dict | None = None,
    build_flags_after: list | None = None,
    target: str | None = None,
    builder: str = "buildkit",
    first_build: bool = False,
) -> dict:
    """Build once with `files_before`, then again with `files_after`: the second build's steps.

    Each step has "instruction", "status" ("hit", "miss", "meta" or "skipped") and "reason".
    """
    scenario = {"dockerfile": dockerfile, "files_before": files_before}
    optional = {
        "files_after": files_after,
        "dockerfile_after": dockerfile_after,
        "dockerignore": dockerignore,
        "build_args_before": build_args_before,
        "build_args_after": build_args_after,
        "build_flags_after": build_flags_after,
        "target": target,
    }
    scenario.update({key: value for key, value in optional.items() if value is not None})
    mode = "first-build" if first_build else "rebuild"
    return _call(_js.docker_simulate(json.dumps(scenario), builder, mode))


def step(result: dict, prefix: str) -> dict:
    """The first step whose instruction starts with `prefix` (e.g. "RUN pip install")."""
    for entry in result["steps"]:
        if entry["instruction"].startswith(prefix):
            return entry
    instructions = ", ".join(entry["instruction"] for entry in result["steps"])
    raise AssertionError(f'no instruction starts with "{prefix}" (the Dockerfile has: {instructions})')


def lint_dockerfile(dockerfile: str, dockerignore: str | None = None) -> list:
    """Lint findings: dicts with "rule", "severity", "line", "message", "explanation"."""
    return _call(_js.docker_lint(dockerfile, dockerignore))["findings"]


def resolve(problem) -> dict:
    """Resolve a problem given in the lab's text form (str) or the JSON form (dict).

    Returns {"ok": True, "solution": {package: version}} or {"ok": False, "explanation": text}.
    """
    if isinstance(problem, str):
        return _call(_js.resolve(problem, "text"))
    return _call(_js.resolve(json.dumps(problem), "json"))
