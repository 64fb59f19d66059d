"""Runs learner code for Wheelhouse: cells in their scopes' namespaces, projects in their
folders, exercises followed by their checks.

The session calls ``start`` once per interpreter and keeps the ``Runner`` it returns; every
run, syntax check and scope reset goes through it, and answers with plain JS objects. The
learner's stdio lives in wheelhouse_stdio, project folders in wheelhouse_projects, and how
errors are reported in wheelhouse_tracebacks.
"""

import builtins
import contextlib
import sys
import time

from pyodide.code import CodeRunner, find_imports  # type: ignore[import-not-found]
from pyodide.ffi import to_js  # type: ignore[import-not-found]

import wheelhouse_stdio
from wheelhouse_projects import Projects
from wheelhouse_tracebacks import LearnerCode, exit_result, explain_missing_module

_PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
# Top-level await, async for and async with all need one of these words.
_AWAIT_WORDS = ("await", "async")


def start(read_line, can_read_input: bool, wait=None) -> "Runner":
    """Routes the learner's stdio through the page (wheelhouse_stdio.install) and returns the
    interpreter's runner."""
    wheelhouse_stdio.install(read_line, can_read_input, wait)
    return Runner()


class Runner:
    """Runs learner code, keeping one namespace per scope (the cells of one page share one)."""

    def __init__(self) -> None:
        self._scopes: dict[str, dict] = {}
        self._projects = Projects()
        self._learner = LearnerCode(self._projects)

    def namespace(self, scope: str) -> dict:
        """The namespace the scope's code runs in, made on its first run."""
        namespace = self._scopes.get(scope)
        if namespace is None:
            namespace = {"__name__": "__main__", "__builtins__": builtins}
            self._scopes[scope] = namespace
        return namespace

    def reset_scope(self, scope: str) -> None:
        self._scopes.pop(scope, None)

    def enter_project(self, files: dict, scope: str) -> None:
        self._projects.enter(files, scope)

    def leave_project(self) -> None:
        self._projects.leave()

    def imports_of(self, code: str) -> list[str]:
        """Top-level module names the code imports; [] when it does not parse."""
        try:
            return list(find_imports(code))
        except SyntaxError:
            return []

    def run(self, code: str, scope: str, filename: str, known_packages=None) -> object:
        """Runs one cell in its scope's namespace. Returns a JS object: ok, duration_ms, error.

        Code that may use top-level await returns a coroutine instead, which the page awaits.
        Other code runs here and now: the first coroutine handed to the page makes Pyodide set
        up its event loop, and that would delay every learner's first output.
        """
        if _may_await(code):
            return self._run_awaiting(code, scope, filename, known_packages)
        namespace, filename = self._enter_cell(code, scope, filename)
        with self._outcome(filename, known_packages) as outcome:
            _show_value(_code_runner(code, filename).compile().run(namespace))
        return _to_js(outcome.result)

    async def run_exercise(
        self, code, checks, scope, filename, language, known_packages=None
    ) -> object:
        """Runs the learner's code (when it is Python) in a fresh scope, then the checks.

        Returns the same object as run() plus "checks": one {name, passed, message} per check.
        When the learner's code raises, the checks are not run and "checks" is empty.
        """
        import wheelhouse_checks  # placed beside this module by the session, imported when needed

        self.reset_scope(scope)
        namespace = self.namespace(scope)
        output = ""
        if language == "python":
            tee = wheelhouse_stdio.Tee(sys.stdout)
            real_stdout, sys.stdout = sys.stdout, tee
            try:
                result = await self._run_cell(code, scope, filename, known_packages)
            finally:
                sys.stdout = real_stdout
            output = tee.captured.getvalue()
            if not result["ok"]:
                result["checks"] = []
                return _to_js(result)
        else:
            result = {"ok": True, "duration_ms": 0.0}
        result["checks"] = wheelhouse_checks.run_checks(checks, namespace, output, code)
        return _to_js(result)

    def check_syntax(self, code: str, filename: str) -> object:
        """Compiles without running: None when the code compiles, else the error's position.

        compile() rather than ast.parse(): it also reports errors found only when compiling,
        such as `return` outside a function. Top-level await is allowed, as when running.
        """
        try:
            compile(code, filename, "exec", flags=_PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
        except SyntaxError as exc:
            return _to_js(
                {
                    "message": exc.msg,
                    "line": exc.lineno or 1,
                    "column": exc.offset or 1,
                    "end_line": exc.end_lineno or exc.lineno or 1,
                    "end_column": exc.end_offset or (exc.offset or 1) + 1,
                }
            )
        return None

    async def _run_awaiting(self, code, scope, filename, known_packages) -> object:
        return _to_js(await self._run_cell(code, scope, filename, known_packages))

    async def _run_cell(self, code: str, scope: str, filename: str, known_packages) -> dict:
        namespace, filename = self._enter_cell(code, scope, filename)
        with self._outcome(filename, known_packages) as outcome:
            _show_value(await _code_runner(code, filename).compile().run_async(namespace))
        return outcome.result

    def _enter_cell(self, code: str, scope: str, filename: str) -> tuple[dict, str]:
        """The cell's namespace and the file name its tracebacks show."""
        namespace = self.namespace(scope)
        project_file = None if filename.startswith("<") else self._projects.file(filename)
        if project_file:
            # A project's entry file runs as a real file of the project, like `python main.py`.
            filename = namespace["__file__"] = project_file
        self._learner.remember(filename, code)
        return namespace, filename

    @contextlib.contextmanager
    def _outcome(self, filename: str, known_packages):
        """Times the code run in its body and turns however it ends into `outcome.result`."""
        outcome = _Outcome()
        started = time.perf_counter()
        try:
            yield outcome
        except (SystemExit, wheelhouse_stdio.ProgramExit) as exc:
            if exc.code not in (None, 0):
                outcome.result = exit_result(exc.code, filename)
        except BaseException as exc:  # noqa: BLE001 - every learner error becomes a result
            if isinstance(exc, ModuleNotFoundError):
                explain_missing_module(exc, set(known_packages or ()))
            outcome.result = self._learner.error_result(exc, filename)
        finally:
            wheelhouse_stdio.flush_output()
        outcome.result["duration_ms"] = (time.perf_counter() - started) * 1000


class _Outcome:
    """How a cell's run ended, as the dict the page receives."""

    def __init__(self):
        self.result: dict = {"ok": True}


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _may_await(code: str) -> bool:
    """Whether `await` or `async` appears as a whole word: a cheap test that never misses
    top-level await. (Plain string methods: compiling a regular expression here would cost a
    fresh interpreter time on every start.)"""
    for word in _AWAIT_WORDS:
        at = code.find(word)
        while at != -1:
            end = at + len(word)
            before = code[at - 1] if at else " "
            after = code[end] if end < len(code) else " "
            if not _is_word_char(before) and not _is_word_char(after):
                return True
            at = code.find(word, at + 1)
    return False


def _code_runner(code: str, filename: str):
    return CodeRunner(
        code,
        filename=filename,
        return_mode="last_expr",
        quiet_trailing_semicolon=True,
        flags=_PyCF_ALLOW_TOP_LEVEL_AWAIT,
    )


def _show_value(value) -> None:
    if value is not None:
        print(repr(value))


def _to_js(result: dict) -> object:
    return to_js(result, dict_converter=_js_object)


def _js_object(entries):
    from js import Object  # type: ignore[import-not-found]

    return Object.fromEntries(entries)
