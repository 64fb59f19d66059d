"""Adds bytecode to a copy of Pyodide's standard library zip (run by Pyodide itself, at build time).

Pyodide ships the standard library as source only, so every start compiles each module Python
imports while starting; in a browser that is most of a cold start. Here the modules a start
imports get an unchecked hash-based .pyc (PEP 552) beside their source: zipimport prefers it and
does not read the source to validate it. The sources stay in the zip, so tracebacks and
``inspect`` still show their lines. The .pyc files are made by the very interpreter that will
load them, so their format always matches.
"""

import os
import sys
import zipfile  # imported by every Pyodide start anyway
import zipimport

_SCRATCH = "/tmp/wheelhouse-bytecode"
# Entries added for Wheelhouse's own modules carry a fixed date, so that the same sources always
# give the same zip (the service worker then only downloads it again when something changed).
_FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def stdlib_zip_path() -> str:
    """Where this interpreter mounts its standard library zip (e.g. /lib/python313.zip)."""
    return next(entry for entry in sys.path if entry.endswith(".zip"))


def modules_from_zip() -> list[str]:
    """The modules imported so far that were loaded from the standard library zip (frozen
    modules, such as os and site, are already bytecode)."""
    archive = stdlib_zip_path()
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if isinstance(getattr(module, "__loader__", None), zipimport.zipimporter)
        and module.__loader__.archive == archive
    )


def _bytecode(source: bytes, entry: str, shown_as: str) -> bytes:
    """Compiles one source file; tracebacks name it `shown_as`."""
    import py_compile  # only here, so that modules_from_zip() does not count it

    source_file = f"{_SCRATCH}/{entry}"
    os.makedirs(os.path.dirname(source_file), exist_ok=True)
    with open(source_file, "wb") as handle:
        handle.write(source)
    compiled = py_compile.compile(
        source_file,
        cfile=source_file + "c",
        dfile=shown_as,
        doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    with open(compiled, "rb") as handle:
        return handle.read()


def _entry(name: str, date_time: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def build(source_zip: str, target_zip: str, modules: list[str], extra: dict[str, str]) -> dict:
    """Writes `target_zip`: `source_zip` with bytecode for `modules`, plus `extra` modules
    (name -> source) added at its top level with their bytecode. Returns counts for the log."""
    mounted = stdlib_zip_path()
    wanted = set()
    for name in modules:
        path = name.replace(".", "/")
        wanted.update((f"{path}.py", f"{path}/__init__.py"))
    compiled = 0
    with (
        zipfile.ZipFile(source_zip) as source,
        zipfile.ZipFile(target_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data, compresslevel=9)
            if info.filename in wanted:
                shown_as = f"{mounted}/{info.filename}"
                code = _bytecode(data, info.filename, shown_as)
                target.writestr(_entry(info.filename + "c", info.date_time), code)
                compiled += 1
        for name, text in extra.items():
            entry = f"{name}.py"
            data = text.encode("utf-8")
            target.writestr(_entry(entry, _FIXED_DATE), data)
            code = _bytecode(data, entry, f"{mounted}/{entry}")
            target.writestr(_entry(entry + "c", _FIXED_DATE), code)
            compiled += 1
    return {"compiled": compiled, "size": os.path.getsize(target_zip)}
