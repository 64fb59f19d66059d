"""Runs learner code for Wheelhouse: one namespace per scope, trimmed tracebacks, a safe stdin.

Loaded once per interpreter as the module ``wheelhouse_runner``. The JavaScript side calls
``setup`` after start-up and ``run`` for every cell; both return plain dicts.
"""

import builtins
import contextlib
import importlib
import io
import linecache
import os
import sys
import time
import traceback

from pyodide.code import CodeRunner, find_imports  # type: ignore[import-not-found]
from pyodide.ffi import to_js  # type: ignore[import-not-found]

_PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
# Top-level await, async for and async with all need one of these words.
_AWAIT_WORDS = ("await", "async")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _may_await(code: str) -> bool:
    """Whether `await` or `async` appears as a whole word: a cheap test that never misses
    top-level await. (Plain string methods: compiling a regular expression here cost a fresh
    interpreter 5 ms on every start.)"""
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

_scopes: dict[str, dict] = {}
_learner_files: set[str] = set()

NO_INPUT_MESSAGE = (
    "input() can't wait for your answer on this page: it is not cross-origin isolated, "
    "so Python cannot pause while you type. Give the value in your code instead "
    "(for example name = 'Ada'), or open Wheelhouse from a server that sends the "
    "Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers."
)


class InputUnavailableError(RuntimeError):
    """Raised by input() when the page cannot pause Python to wait for the learner."""


class LearnerStdin:
    """sys.stdin for learner code: every line comes from the page through ``read_line``."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, read_line):
        # read_line(prompt) -> str with the line, None when Stop was pressed,
        # or raises when the page cannot ask.
        self._read_line = read_line

    def readable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("stdin has no file descriptor in the browser")

    def readline(self, size=-1):
        sys.stdout.flush()
        sys.stderr.flush()
        line = self._read_line()
        if line is None:  # Stop was pressed while waiting
            raise KeyboardInterrupt
        if line is False:  # no more input (a tool answering from a list ran out)
            return ""
        return line if line.endswith("\n") else line + "\n"

    def read(self, size=-1):
        return self.readline()

    def __iter__(self):
        return self

    def __next__(self):
        return self.readline()


# Deeper recursion than this overflows the browser's native stack when the traceback is freed,
# which kills the interpreter; a RecursionError keeps the learner's variables instead.
SAFE_RECURSION_LIMIT = 5000
_set_recursion_limit = sys.setrecursionlimit


def _capped_recursion_limit(limit: int) -> None:
    if limit > SAFE_RECURSION_LIMIT:
        print(
            f"Wheelhouse: sys.setrecursionlimit({limit}) lowered to {SAFE_RECURSION_LIMIT}; "
            "deeper recursion would overflow the browser's stack.",
            file=sys.stderr,
        )
        limit = SAFE_RECURSION_LIMIT
    _set_recursion_limit(limit)


class ProgramExit(BaseException):
    """os._exit() in learner code: ends the program, not the interpreter."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def _exit_program(code):
    # The real os._exit would kill the WebAssembly interpreter and every variable with it.
    raise ProgramExit(code)


def _no_input():
    raise InputUnavailableError(NO_INPUT_MESSAGE)


def _interruptible_sleep(wait):
    def sleep(seconds):
        """time.sleep that Stop can cut short (the page wakes it through shared memory)."""
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if wait(seconds):
            raise KeyboardInterrupt

    return sleep


def setup(read_line, can_read_input: bool, wait=None):
    """Make stdout/stderr line-buffered and route stdin (and sleep) through the page."""
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True)
    sys.stdin = LearnerStdin(read_line if can_read_input else _no_input)
    sys.setrecursionlimit = _capped_recursion_limit
    os._exit = _exit_program
    if wait is not None:
        time.sleep = _interruptible_sleep(wait)
    os.makedirs(_workdir_root(), exist_ok=True)


def _workdir_root():
    return "/home/pyodide"


def scope_namespace(scope: str) -> dict:
    namespace = _scopes.get(scope)
    if namespace is None:
        namespace = {"__name__": "__main__", "__builtins__": builtins}
        _scopes[scope] = namespace
    return namespace


def reset_scope(scope: str) -> None:
    _scopes.pop(scope, None)


def imports_of(code: str) -> list[str]:
    """Top-level module names the code imports; [] when it does not parse."""
    try:
        return list(find_imports(code))
    except SyntaxError:
        return []


PROJECTS_ROOT = "/home/pyodide/projects"
HOME = "/home/pyodide"
_project_root: str | None = None


def enter_project(files: dict, scope: str) -> None:
    """Give a project a fresh folder of its own files, make it the working directory and the
    first entry of sys.path, and forget modules imported from an earlier run of it."""
    global _project_root
    import re
    import shutil

    root = f"{PROJECTS_ROOT}/{re.sub(r'[^A-Za-z0-9_.-]+', '_', scope)}"
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(PROJECTS_ROOT + "/"):
            del sys.modules[name]
    shutil.rmtree(root, ignore_errors=True)
    for path, content in files.items():
        target = os.path.join(root, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(content)
    importlib.invalidate_caches()
    sys.path[:] = [entry for entry in sys.path if not entry.startswith(PROJECTS_ROOT)]
    sys.path.insert(0, root)
    os.chdir(root)
    _project_root = root


def leave_project() -> None:
    """Cells run in the home folder, with no project on sys.path."""
    global _project_root
    if _project_root is None:
        return
    sys.path[:] = [entry for entry in sys.path if not entry.startswith(PROJECTS_ROOT)]
    os.chdir(HOME)
    _project_root = None


def _display_path(filename: str) -> str:
    if _project_root and filename.startswith(_project_root + "/"):
        return filename[len(_project_root) + 1 :]
    return filename


def _is_learner_file(filename: str) -> bool:
    return filename in _learner_files or filename.startswith(PROJECTS_ROOT + "/")


def _remember_source(filename: str, code: str) -> None:
    # linecache lets tracebacks show the learner's lines, as CPython does for files.
    lines = code.splitlines(keepends=True)
    linecache.cache[filename] = (len(code), None, lines, filename)
    _learner_files.add(filename)


def _error_result(exc: BaseException, filename: str) -> dict:
    frames = traceback.extract_tb(exc.__traceback__)
    # Drop the runner's and Pyodide's own frames above the learner's first frame.
    while frames and not _is_learner_file(frames[0].filename):
        frames.pop(0)
    line = None
    error_file = None
    for frame in frames:
        if _is_learner_file(frame.filename):
            line, error_file = frame.lineno, _display_path(frame.filename)
    if isinstance(exc, SyntaxError) and exc.filename and _is_learner_file(exc.filename):
        line, error_file = exc.lineno, _display_path(exc.filename)
    text = ""
    if frames:
        text = "Traceback (most recent call last):\n" + "".join(
            traceback.format_list(frames)
        )
    text += "".join(traceback.format_exception_only(type(exc), exc))
    if _project_root:
        text = text.replace(_project_root + "/", "")
    return {
        "ok": False,
        "error": {
            "type": type(exc).__name__,
            "message": str(exc),
            "traceback": text,
            "line": line,
            "filename": error_file or filename,
            "interrupted": isinstance(exc, KeyboardInterrupt),
        },
    }


def _exit_result(code, filename: str) -> dict:
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


def _explain_missing_module(exc: ModuleNotFoundError, known_packages: set[str]) -> None:
    name = (exc.name or "").split(".")[0]
    if name and name not in known_packages:
        exc.msg = (
            f"No module named '{name}'. Wheelhouse runs Python in your browser and can load "
            f"only the standard library and packages built for Pyodide (numpy, pydantic, ...); "
            f"'{name}' is not one of them."
        )


def _show_value(value) -> None:
    if value is not None:
        print(repr(value))


def run(code: str, scope: str, filename: str, known_packages=None) -> object:
    """Run one cell in its scope's namespace. Returns a JS object: ok, duration_ms, error.

    Code that may use top-level await returns a coroutine instead, which the page awaits. Other
    code runs here and now: the first coroutine handed to the page costs Pyodide about 20 ms to
    set up its event loop, and that would land on every learner's first output.
    """
    if _may_await(code):
        return _run_awaiting(code, scope, filename, known_packages)
    namespace, filename = _enter_cell(code, scope, filename)
    with _outcome(filename, known_packages) as outcome:
        _show_value(_code_runner(code, filename).compile().run(namespace))
    return to_js(outcome.result, dict_converter=_js_object)


async def _run_awaiting(code, scope, filename, known_packages) -> object:
    return to_js(await _run_cell(code, scope, filename, known_packages), dict_converter=_js_object)


async def _run_cell(code: str, scope: str, filename: str, known_packages) -> dict:
    namespace, filename = _enter_cell(code, scope, filename)
    with _outcome(filename, known_packages) as outcome:
        _show_value(await _code_runner(code, filename).compile().run_async(namespace))
    return outcome.result


def _enter_cell(code: str, scope: str, filename: str) -> tuple[dict, str]:
    """The cell's namespace and the file name its tracebacks show."""
    namespace = scope_namespace(scope)
    if _project_root and not filename.startswith("<"):
        # A project's entry file runs as a real file of the project, like `python main.py`.
        filename = os.path.join(_project_root, filename)
        namespace["__file__"] = filename
    _remember_source(filename, code)
    return namespace, filename


def _code_runner(code: str, filename: str):
    return CodeRunner(
        code,
        filename=filename,
        return_mode="last_expr",
        quiet_trailing_semicolon=True,
        flags=_PyCF_ALLOW_TOP_LEVEL_AWAIT,
    )


class _Outcome:
    """How a cell's run ended, as the dict the page receives."""

    def __init__(self):
        self.result: dict = {"ok": True}


@contextlib.contextmanager
def _outcome(filename: str, known_packages):
    """Times the code run in its body and turns however it ends into `outcome.result`."""
    outcome = _Outcome()
    started = time.perf_counter()
    try:
        yield outcome
    except (SystemExit, ProgramExit) as exc:
        if exc.code not in (None, 0):
            outcome.result = _exit_result(exc.code, filename)
    except BaseException as exc:  # noqa: BLE001 - every learner error becomes a result
        if isinstance(exc, ModuleNotFoundError):
            _explain_missing_module(exc, set(known_packages or ()))
        outcome.result = _error_result(exc, filename)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    outcome.result["duration_ms"] = (time.perf_counter() - started) * 1000


class _Tee(io.TextIOBase):
    """stdout while an exercise runs: shown to the learner and kept for expect_output."""

    def __init__(self, stream):
        self._stream = stream
        self.captured = io.StringIO()

    def write(self, text):
        self.captured.write(text)
        return self._stream.write(text)

    def flush(self):
        self._stream.flush()

    def isatty(self):
        return False

    @property
    def encoding(self):
        return self._stream.encoding


async def run_exercise(code, checks, scope, filename, language, known_packages=None) -> object:
    """Run the learner's code (when it is Python) in a fresh scope, then the exercise's checks.

    Returns the same dict as run() plus "checks": one {name, passed, message} per check. When
    the learner's code raises, the checks are not run and "checks" is empty.
    """
    import wheelhouse_checks  # registered beside this module by the session

    reset_scope(scope)
    namespace = scope_namespace(scope)
    output = ""
    if language == "python":
        tee = _Tee(sys.stdout)
        real_stdout, sys.stdout = sys.stdout, tee
        try:
            result = await _run_cell(code, scope, filename, known_packages)
        finally:
            sys.stdout = real_stdout
        output = tee.captured.getvalue()
        if not result["ok"]:
            result["checks"] = []
            return to_js(result, dict_converter=_js_object)
    else:
        result = {"ok": True, "duration_ms": 0.0}
    result["checks"] = wheelhouse_checks.run_checks(checks, namespace, output, code)
    return to_js(result, dict_converter=_js_object)


def _js_object(entries):
    from js import Object  # type: ignore[import-not-found]

    return Object.fromEntries(entries)


def check_syntax(code: str, filename: str) -> object:
    """Compile without running: None when the code compiles, else the error's position.

    compile() rather than ast.parse(): it also reports errors found only when compiling,
    such as `return` outside a function. Top-level await is allowed, as when running.
    """
    try:
        compile(code, filename, "exec", flags=_PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as exc:
        return to_js(
            {
                "message": exc.msg,
                "line": exc.lineno or 1,
                "column": exc.offset or 1,
                "end_line": exc.end_lineno or exc.lineno or 1,
                "end_column": exc.end_offset or (exc.offset or 1) + 1,
            },
            dict_converter=_js_object,
        )
    return None
