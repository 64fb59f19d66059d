"""Installs the packages an embedded cell names in its ``packages`` attribute.

Run by the embed before the cell's first run, with the names in ``wheelhouse-packages.json``
in the working folder (data, never code). micropip takes Pyodide's own packages from the
page's package source and anything else from PyPI (pure-Python wheels only).
"""

import json

import micropip

with open("wheelhouse-packages.json", encoding="utf-8") as names:
    await micropip.install(json.load(names))  # noqa: F704 - the runner allows top-level await
