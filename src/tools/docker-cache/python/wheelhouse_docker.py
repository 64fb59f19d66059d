"""The Docker layer-cache simulator and linter, for exercise checks (through wheelhouse_tools).

result = simulate_docker(submission, files_before, files_after)
assert step(result, "RUN pip install")["status"] == "hit", "editing src/ must not re-run pip"
"""

import json

from wheelhouse_toolkit import call, js

__all__ = ["lint_dockerfile", "simulate_docker", "step"]


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
    return call(js.docker_simulate(json.dumps(scenario), builder, mode))


def step(result: dict, prefix: str) -> dict:
    """The first step whose instruction starts with `prefix` (e.g. "RUN pip install")."""
    for entry in result["steps"]:
        if entry["instruction"].startswith(prefix):
            return entry
    instructions = ", ".join(entry["instruction"] for entry in result["steps"])
    raise AssertionError(
        f'no instruction starts with "{prefix}" (the Dockerfile has: {instructions})'
    )


def lint_dockerfile(dockerfile: str, dockerignore: str | None = None) -> list:
    """Lint findings: dicts with "rule", "severity", "line", "message", "explanation"."""
    return call(js.docker_lint(dockerfile, dockerignore))["findings"]
