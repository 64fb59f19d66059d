"""Multi-file projects: each runs in a folder of its own files, like ``python main.py`` would.

Cells run in the home folder; a project's run writes its files into a fresh folder, makes it
the working directory and the first entry of sys.path, and forgets modules imported from an
earlier run of it, so edited modules are imported again.
"""

import importlib
import os
import sys

HOME = "/home/pyodide"
PROJECTS_ROOT = f"{HOME}/projects"


class Projects:
    """Where the current run's project lives, if it is one."""

    def __init__(self) -> None:
        self.root: str | None = None
        os.makedirs(HOME, exist_ok=True)

    def enter(self, files: dict, scope: str) -> None:
        """Give the scope's project a fresh folder of ``files`` and run in it."""
        import re  # only projects need these: a start that runs no project skips them
        import shutil

        root = f"{PROJECTS_ROOT}/{re.sub(r'[^A-Za-z0-9_.-]+', '_', scope)}"
        for name, module in list(sys.modules.items()):
            if self.holds(getattr(module, "__file__", None) or ""):
                del sys.modules[name]
        shutil.rmtree(root, ignore_errors=True)
        for path, content in files.items():
            target = os.path.join(root, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(content)
        importlib.invalidate_caches()
        _forget_projects_on_path()
        sys.path.insert(0, root)
        os.chdir(root)
        self.root = root

    def leave(self) -> None:
        """Back to the home folder, with no project on sys.path."""
        if self.root is None:
            return
        _forget_projects_on_path()
        os.chdir(HOME)
        self.root = None

    @staticmethod
    def holds(filename: str) -> bool:
        """Whether ``filename`` is a file of a project (this one or an earlier one)."""
        return filename.startswith(PROJECTS_ROOT + "/")

    def file(self, filename: str) -> str | None:
        """The path of the current project's file ``filename`` (None outside a project)."""
        return os.path.join(self.root, filename) if self.root else None

    def relative(self, text: str) -> str:
        """``text`` with the current project's folder left out of its paths."""
        return text.replace(self.root + "/", "") if self.root else text


def _forget_projects_on_path() -> None:
    sys.path[:] = [entry for entry in sys.path if not entry.startswith(PROJECTS_ROOT)]
