"""How a run that raised is reported: as the dict the page receives, with the traceback
trimmed to the learner's code, the line to mark, and messages a learner can act on."""

import linecache
import traceback

from wheelhouse_projects import Projects


class LearnerCode:
    """The learner's files: the cells and entry files run so far, and every project's files.
    Their frames are the ones a traceback keeps, and their lines the ones marked."""

    def __init__(self, projects: Projects) -> None:
        self._projects = projects
        self._files: set[str] = set()

    def remember(self, filename: str, code: str) -> None:
        """Keeps ``code`` as the source of ``filename``, so its lines show in tracebacks
        (linecache, as CPython does for files)."""
        lines = code.splitlines(keepends=True)
        linecache.cache[filename] = (len(code), None, lines, filename)
        self._files.add(filename)

    def owns(self, filename: str) -> bool:
        return filename in self._files or self._projects.holds(filename)

    def error_result(self, exc: BaseException, filename: str) -> dict:
        """The result of a run of ``filename`` that raised ``exc``."""
        frames = traceback.extract_tb(exc.__traceback__)
        # Drop the runner's and Pyodide's own frames above the learner's first frame.
        while frames and not self.owns(frames[0].filename):
            frames.pop(0)
        line = None
        error_file = None
        for frame in frames:
            if self.owns(frame.filename):
                line, error_file = frame.lineno, self._projects.relative(frame.filename)
        if isinstance(exc, SyntaxError) and exc.filename and self.owns(exc.filename):
            line, error_file = exc.lineno, self._projects.relative(exc.filename)
        text = ""
        if frames:
            text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
        text += "".join(traceback.format_exception_only(type(exc), exc))
        return {
            "ok": False,
            "error": {
                "type": type(exc).__name__,
                "message": str(exc),
                "traceback": self._projects.relative(text),
                "line": line,
                "filename": error_file or filename,
                "interrupted": isinstance(exc, KeyboardInterrupt),
            },
        }


def exit_result(code, filename: str) -> dict:
    """The result of a program that exited with a failing status ``code``."""
    # Like a terminal: sys.exit("message") prints the message, sys.exit(3) only sets the status.
    text = f"{code}\n" if isinstance(code, str) else f"Program exited with code {code}\n"
    return {
        "ok": False,
        "error": {
            "type": "SystemExit",
            "message": str(code),
            "traceback": text,
            "line": None,
            "filename": filename,
            "interrupted": False,
        },
    }


def explain_missing_module(exc: ModuleNotFoundError, known_packages: set[str]) -> None:
    """Says why an import of something Pyodide does not have fails, in the error itself."""
    name = (exc.name or "").split(".")[0]
    if name and name not in known_packages:
        exc.msg = (
            f"No module named '{name}'. Wheelhouse runs Python in your browser and can load "
            f"only the standard library and packages built for Pyodide (numpy, pydantic, ...); "
            f"'{name}' is not one of them."
        )
