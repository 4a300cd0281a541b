"""The libcst-free parts of what a Python step sees: WIT worlds and build files as text (the planner
reads them before it knows whether any Python file is parsed, so they must not import libcst)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class World:
    """A WIT world of the project: `world matrix-math` -> module `matrix_math`, class `MatrixMath`."""

    name: str
    file: str
    line: int

    @property
    def module(self) -> str:
        return self.name.lstrip("%").replace("-", "_")

    @property
    def cls(self) -> str:
        return "".join(p[:1].upper() + p[1:] for p in self.name.lstrip("%").split("-"))


@dataclass(frozen=True)
class TextUnit:
    """A build file (Makefile, shell script, pyproject.toml, CI YAML) as text, read-only."""

    path: str
    text: str

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


_WORLD = re.compile(r"^\s*world\s+(%?[A-Za-z][A-Za-z0-9-]*)\s*\{", re.M)


def wit_worlds(path: str, text: str) -> list[World]:
    clean = re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: " " * len(m.group(0)), text, flags=re.S)
    return [World(m.group(1), path, text.count("\n", 0, m.start(1)) + 1) for m in _WORLD.finditer(clean)]
