"""Exercise checks for Wheelhouse lesson packs.

An exercise's ``checks`` block is Python that runs after the learner's code, in a copy of the
learner's namespace. Each top-level statement of the block that is an ``assert`` or a call to
one of the ``expect_*`` helpers is one check, shown to the learner as passed or failed; other
statements (imports, helper functions, variables) are set-up. A function decorated with
``@check("name")`` is one check too.

    assert average([2, 4]) == 3, "average([2, 4]) should be 3"
    expect_returns(average, [([1, 2, 3], 2), ([5], 5)])
    expect_output("Hello, Ada!\\n")
    expect_faster_than(50, total, 100_000)
    expect_peak_memory_below(512, build_index, words)

Messages are for learners: say what was expected and what happened.
"""

import ast
import contextlib
import io
import time

__all__ = [
    "CheckFailed",
    "check",
    "expect",
    "expect_defined",
    "expect_faster_than",
    "expect_output",
    "expect_output_contains",
    "expect_peak_memory_below",
    "expect_raises",
    "expect_returns",
]


class CheckFailed(AssertionError):
    """Raise from a check to fail it with a message for the learner."""


class CheckRun:
    """Collects the results of one exercise's checks."""

    def __init__(self, output: str, submission: str):
        self.output = output
        self.submission = submission
        self.results: list[dict] = []

    def record(self, name: str, passed: bool, message: str = "") -> None:
        self.results.append({"name": name, "passed": passed, "message": message})

    def attempt(self, name: str, body) -> None:
        """Run one check body: passing, failing with its message, or erroring."""
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                body()
        except AssertionError as exc:
            self.record(name, False, str(exc) or "this check failed")
        except Exception as exc:  # noqa: BLE001 - the learner's function raised
            self.record(name, False, f"{type(exc).__name__}: {exc}")
        else:
            self.record(name, True)


_current: CheckRun | None = None


def _run() -> CheckRun:
    if _current is None:
        raise RuntimeError("expect_* helpers only work inside an exercise's checks")
    return _current


def _short(value, limit=80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _call_text(func, args) -> str:
    name = getattr(func, "__name__", "function")
    return f"{name}({', '.join(_short(arg, 40) for arg in args)})"


def check(name: str):
    """Decorator: the function is one check, named ``name``; it fails by raising."""

    def decorate(body):
        _run().attempt(name, body)
        return body

    return decorate


def expect(condition: bool, message: str, *, name: str | None = None) -> None:
    """A check that passes when ``condition`` is true."""

    def body():
        if not condition:
            raise CheckFailed(message)

    _run().attempt(name or message, body)


def expect_output(expected: str, *, name: str | None = None) -> None:
    """The learner's program printed exactly ``expected`` (trailing spaces on lines ignored)."""

    def normal(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))

    def body():
        printed = _run().output
        if normal(printed) != normal(expected):
            raise CheckFailed(
                f"expected the output {_short(expected, 120)}, but it was {_short(printed, 120)}"
            )

    _run().attempt(name or f"prints {_short(expected, 60)}", body)


def expect_output_contains(text: str, *, name: str | None = None) -> None:
    """The learner's program printed ``text`` somewhere."""

    def body():
        if text not in _run().output:
            raise CheckFailed(f"the output should contain {_short(text)}")

    _run().attempt(name or f"prints {_short(text, 60)}", body)


def expect_returns(func, cases, *, name: str | None = None) -> None:
    """``func(*args) == expected`` for every ``(args, expected)`` in ``cases``.

    ``args`` is a tuple of arguments, or a single non-tuple argument.
    """
    cases = list(cases)

    def body():
        if not callable(func):
            raise CheckFailed(f"{_short(func)} is not a function")
        for args, expected in cases:
            args = args if isinstance(args, tuple) else (args,)
            got = func(*args)
            if got != expected:
                raise CheckFailed(
                    f"{_call_text(func, args)} returned {_short(got)}, expected {_short(expected)}"
                )

    label = getattr(func, "__name__", "the function")
    _run().attempt(name or f"{label} returns the right values ({len(cases)} cases)", body)


def expect_raises(exception: type[BaseException], func, *args, name: str | None = None) -> None:
    """Calling ``func(*args)`` raises ``exception``."""

    def body():
        try:
            func(*args)
        except exception:
            return
        raise CheckFailed(f"{_call_text(func, args)} should raise {exception.__name__}")

    _run().attempt(name or f"{_call_text(func, args)} raises {exception.__name__}", body)


def expect_defined(variable: str, kind: type | None = None, *, name: str | None = None) -> None:
    """The learner's code defines ``variable`` (optionally of type ``kind``)."""
    namespace = _namespace

    def body():
        if variable not in namespace:
            raise CheckFailed(f"define a variable or function called {variable}")
        if kind is not None and not isinstance(namespace[variable], kind):
            actual = type(namespace[variable]).__name__
            raise CheckFailed(f"{variable} should be a {kind.__name__}, not a {actual}")

    _run().attempt(name or f"defines {variable}", body)


def expect_faster_than(ms: float, func, *args, repeat: int = 3, name: str | None = None) -> None:
    """The best of ``repeat`` calls of ``func(*args)`` takes under ``ms`` milliseconds."""

    def body():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            func(*args)
            best = min(best, (time.perf_counter() - started) * 1000)
        if best >= ms:
            took = f"{_call_text(func, args)} took {best:.1f} ms"
            raise CheckFailed(f"{took}; it should take under {ms} ms")

    _run().attempt(name or f"{_call_text(func, args)} runs in under {ms} ms", body)


def expect_peak_memory_below(kib: float, func, *args, name: str | None = None) -> None:
    """``func(*args)`` allocates at most ``kib`` KiB at its peak (measured with tracemalloc)."""

    def body():
        import tracemalloc  # on first use: importing it would slow every start

        was_tracing = tracemalloc.is_tracing()
        if not was_tracing:
            tracemalloc.start()
        tracemalloc.reset_peak()
        baseline, _ = tracemalloc.get_traced_memory()
        try:
            func(*args)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            if not was_tracing:
                tracemalloc.stop()
        used = (peak - baseline) / 1024
        if used >= kib:
            used_text = f"{_call_text(func, args)} used {used:,.0f} KiB at its peak"
            raise CheckFailed(f"{used_text}; the limit is {kib:,} KiB")

    _run().attempt(name or f"{_call_text(func, args)} stays under {kib:,} KiB", body)


_namespace: dict = {}


def _statement_name(statement: ast.stmt, source: str) -> str:
    if isinstance(statement, ast.Assert):
        if isinstance(statement.msg, ast.Constant) and isinstance(statement.msg.value, str):
            return statement.msg.value
        return ast.get_source_segment(source, statement.test) or "assertion"
    return ast.get_source_segment(source, statement) or "check"


def _short_source(text: str) -> str:
    first = text.strip().split("\n")[0]
    return first if len(first) <= 80 else first[:79] + "…"


def run_checks(checks_source: str, namespace: dict, output: str, submission: str) -> list[dict]:
    """Run an exercise's checks against the namespace the learner's code left behind."""
    global _current, _namespace
    run = CheckRun(output, submission)
    _current, _namespace = run, namespace
    try:
        _run_statements(run, checks_source, namespace)
    finally:
        # However the checks end (Stop raises KeyboardInterrupt through them), nothing of this
        # run is left for the next one, or for expect_* calls outside an exercise.
        _current, _namespace = None, {}
    if not run.results:
        run.record("the checks themselves", False, "this exercise's checks contain no check")
    return run.results


def _run_statements(run: CheckRun, checks_source: str, namespace: dict) -> None:
    """Each top-level statement of the checks in turn, in a copy of the learner's namespace."""
    scope = dict(namespace)
    scope.update({name: globals()[name] for name in __all__})
    scope["submission"] = run.submission
    scope["output"] = run.output
    filename = "<checks>"
    try:
        tree = ast.parse(checks_source, filename=filename)
    except SyntaxError as exc:
        message = f"SyntaxError: {exc.msg} (checks line {exc.lineno})"
        run.record("the checks themselves", False, message)
        return
    for statement in tree.body:
        code = compile(ast.Module(body=[statement], type_ignores=[]), filename, "exec")
        name = _statement_name(statement, checks_source)
        if isinstance(statement, ast.Assert):
            run.attempt(name, lambda code=code: exec(code, scope))  # noqa: S102 - author's checks
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, scope)  # noqa: S102 - set-up and expect_* calls record themselves
        except NameError as exc:
            run.record(_short_source(name), False, f"{exc}: your code should define {exc.name}")
        except Exception as exc:  # noqa: BLE001 - the learner's code broke the set-up
            run.record(_short_source(name), False, f"{type(exc).__name__}: {exc}")
