"""Where a Python project declares its dependencies, and how to edit each place in its own format.

pyproject.toml (PEP 621 `dependencies` and optional dependencies, PEP 735 `dependency-groups`,
uv and PDM dev groups, `build-system.requires`, Poetry tables) goes through tomlkit; the
requirements files, setup.cfg and setup.py are edited line by line. Lock files (uv.lock,
poetry.lock, pdm.lock) are read, never written: their hashes can only come from the locker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
import tomllib
from tomlkit.items import Array, InlineTable, String, Table

from .requirements import Requirement, normalize, parse_requirement

LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock")


class ManifestError(ValueError):
    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class DepSite:
    """One declaration of a package: its file, a readable place name, its specifier, and a setter."""

    file: Path
    where: str  # e.g. "[project] dependencies", "requirements.txt"
    name: str
    spec: str
    line: int
    poetry: bool = False
    url_or_path: bool = False
    hashed: bool = False  # a requirements line with --hash: only pip-compile can rewrite it
    set_spec: Callable[[str], None] = field(default=lambda _s: None, repr=False)


class ManifestFile:
    """A file's original bytes and the editable form it is written back from."""

    def __init__(self, path: Path, raw: bytes) -> None:
        self.path = path
        self.raw = raw
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            self.text = raw[3 if self.bom else 0:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ManifestError(path, f"not valid UTF-8 at byte {exc.start}") from exc
        self.changed = False

    def new_bytes(self) -> bytes:
        raise NotImplementedError

    def _encode(self, text: str) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


class TomlFile(ManifestFile):
    def __init__(self, path: Path, raw: bytes) -> None:
        super().__init__(path, raw)
        try:
            tomllib.loads(self.text)
            self.doc = tomlkit.parse(self.text)
        except Exception as exc:  # tomllib and tomlkit raise several kinds
            raise ManifestError(path, f"TOML syntax error: {exc}; fix it and run again") from exc

    def new_bytes(self) -> bytes:
        return self._encode(tomlkit.dumps(self.doc)) if self.changed else self.raw


class LinesFile(ManifestFile):
    def __init__(self, path: Path, raw: bytes) -> None:
        super().__init__(path, raw)
        self.lines = self.text.splitlines(keepends=True)

    def new_bytes(self) -> bytes:
        return self._encode("".join(self.lines)) if self.changed else self.raw

    def replace_in_line(self, idx: int, start: int, end: int, new: str) -> None:
        ln = self.lines[idx]
        self.lines[idx] = ln[:start] + new + ln[end:]
        self.changed = True

    def insert_line(self, idx: int, text: str) -> None:
        nl = "\r\n" if any(x.endswith("\r\n") for x in self.lines) else "\n"
        if idx > 0 and not self.lines[idx - 1].endswith("\n"):
            self.lines[idx - 1] += nl
        self.lines.insert(idx, text + nl)
        self.changed = True


def is_requirements_file(p: Path) -> bool:
    n = p.name
    if p.suffix in (".txt", ".in") and (n.startswith("requirements") or p.parent.name == "requirements"):
        return True
    return False


# -- pyproject.toml ------------------------------------------------------------------------


def _line_of(text: str, needle: str, start_hint: str | None = None) -> int:
    pos = max(text.find(start_hint) if start_hint else 0, 0)
    # the TOML text may escape what the parsed string holds (`\"`): try shorter needles too
    for n in (needle, needle.split(";")[0].rstrip()):
        i = text.find(n, pos)
        if i == -1:
            i = text.find(n)
        if i != -1:
            return text.count("\n", 0, i) + 1
    return 1


def _styled(old: Any, new: str) -> String:
    kind = old.type if isinstance(old, String) else None
    return String.from_raw(new, type_=kind) if kind is not None else tomlkit.string(new)


def _pep508_arrays(doc: Any) -> Iterator[tuple[str, Array]]:
    proj = doc.get("project")
    if isinstance(proj, Table | dict):
        if isinstance(proj.get("dependencies"), Array):
            yield "[project] dependencies", proj["dependencies"]
        opt = proj.get("optional-dependencies")
        if isinstance(opt, Table | dict):
            for k, v in opt.items():
                if isinstance(v, Array):
                    yield f"[project.optional-dependencies] {k}", v
    groups = doc.get("dependency-groups")
    if isinstance(groups, Table | dict):
        for k, v in groups.items():
            if isinstance(v, Array):
                yield f"[dependency-groups] {k}", v
    bs = doc.get("build-system")
    if isinstance(bs, Table | dict) and isinstance(bs.get("requires"), Array):
        yield "[build-system] requires", bs["requires"]
    tool = doc.get("tool")
    if not isinstance(tool, Table | dict):
        return
    uv = tool.get("uv")
    if isinstance(uv, Table | dict) and isinstance(uv.get("dev-dependencies"), Array):
        yield "[tool.uv] dev-dependencies", uv["dev-dependencies"]
    pdm = tool.get("pdm")
    if isinstance(pdm, Table | dict):
        dev = pdm.get("dev-dependencies")
        if isinstance(dev, Table | dict):
            for k, v in dev.items():
                if isinstance(v, Array):
                    yield f"[tool.pdm.dev-dependencies] {k}", v


def _poetry_tables(doc: Any) -> Iterator[tuple[str, Any]]:
    tool = doc.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, Table | dict) else None
    if not isinstance(poetry, Table | dict):
        return
    for key in ("dependencies", "dev-dependencies"):
        if isinstance(poetry.get(key), Table | dict):
            yield f"[tool.poetry.{key}]", poetry[key]
    groups = poetry.get("group")
    if isinstance(groups, Table | dict):
        for g, body in groups.items():
            if isinstance(body, Table | dict) and isinstance(body.get("dependencies"), Table | dict):
                yield f"[tool.poetry.group.{g}.dependencies]", body["dependencies"]


def pyproject_sites(f: TomlFile, names: set[str]) -> list[DepSite]:
    sites: list[DepSite] = []
    for where, arr in _pep508_arrays(f.doc):
        for i, item in enumerate(arr):
            if not isinstance(item, str):
                continue
            req = parse_requirement(str(item))
            if req is None or normalize(req.name) not in names:
                continue

            def setter(new: str, _arr: Array = arr, _i: int = i, _req: Requirement = req) -> None:
                _arr[_i] = _styled(_arr[_i], _req.with_spec(new))
                f.changed = True

            sites.append(DepSite(f.path, where, normalize(req.name), req.spec, _line_of(f.text, str(item)),
                                 url_or_path=req.url, set_spec=setter))
    for where, table in _poetry_tables(f.doc):
        for key, val in table.items():
            if normalize(key) not in names:
                continue
            line = _line_of(f.text, f"{key}", where.strip("[]").split("]")[0])
            entries = val if isinstance(val, Array | list) else [val]
            for j, entry in enumerate(entries):
                if isinstance(entry, str):
                    def setter(new: str, _t: Any = table, _k: str = key, _j: int = j, _arr: bool = val is not entry,
                               _old: Any = entry) -> None:
                        if _arr:
                            _t[_k][_j] = _styled(_old, new)
                        else:
                            _t[_k] = _styled(_old, new)
                        f.changed = True

                    sites.append(DepSite(f.path, where, normalize(key), str(entry), line, poetry=True,
                                         set_spec=setter))
                elif isinstance(entry, InlineTable | Table | dict):
                    other = any(k in entry for k in ("git", "path", "url"))
                    ver = entry.get("version")

                    def setter(new: str, _e: Any = entry) -> None:
                        _e["version"] = _styled(_e.get("version"), new)
                        f.changed = True

                    sites.append(DepSite(f.path, where, normalize(key), str(ver) if ver is not None else "", line,
                                         poetry=True, url_or_path=other, set_spec=setter))
    return sites


# -- requirements files, setup.cfg, setup.py -----------------------------------------------------


def requirements_sites(f: LinesFile, names: set[str], where: str) -> list[DepSite]:
    sites: list[DepSite] = []
    lines = f.lines
    i = 0
    while i < len(lines):
        start = i
        body = lines[i].rstrip("\r\n")
        # a logical line may continue with `\` (hash lines of pip-compile output)
        logical = body
        while logical.endswith("\\") and i + 1 < len(lines):
            i += 1
            logical = logical[:-1] + " " + lines[i].rstrip("\r\n")
        i += 1
        stripped = body.lstrip()
        if not stripped or stripped.startswith(("#", "-")):
            continue
        req = parse_requirement(body.rstrip("\\").rstrip())
        if req is None or normalize(req.name) not in names:
            continue
        lead = len(body) - len(stripped)
        req = parse_requirement(stripped.rstrip("\\").rstrip())
        assert req is not None

        def setter(new: str, _idx: int = start, _req: Requirement = req, _lead: int = lead) -> None:
            f.replace_in_line(_idx, _lead + _req.spec_start, _lead + _req.spec_end, new)

        sites.append(DepSite(f.path, where, normalize(req.name), req.spec, start + 1, url_or_path=req.url,
                             hashed="--hash" in logical, set_spec=setter))
    return sites


def setup_cfg_sites(f: LinesFile, names: set[str]) -> list[DepSite]:
    """`install_requires` in [options] and every key of [options.extras_require]."""
    sites: list[DepSite] = []
    section = ""
    in_key = False
    for idx, raw in enumerate(f.lines):
        body = raw.rstrip("\r\n")
        s = body.strip()
        if s.startswith("[") and s.endswith("]"):
            section, in_key = s[1:-1].strip(), False
            continue
        if not s or s.startswith(("#", ";")):
            continue
        value_start = 0
        if not body[:1].isspace():
            key, sep, _ = body.partition("=")
            in_key = bool(sep) and (section == "options.extras_require" or
                                    (section == "options" and key.strip() == "install_requires"))
            if not in_key:
                continue
            value_start = len(key) + 1
        if not in_key:
            continue
        value = body[value_start:]
        lead = value_start + len(value) - len(value.lstrip())
        req = parse_requirement(value.strip())
        if req is None or normalize(req.name) not in names:
            continue

        def setter(new: str, _idx: int = idx, _req: Requirement = req, _lead: int = lead) -> None:
            f.replace_in_line(_idx, _lead + _req.spec_start, _lead + _req.spec_end, new)

        sites.append(DepSite(f.path, f"setup.cfg [{section}]", normalize(req.name), req.spec, idx + 1,
                             url_or_path=req.url, set_spec=setter))
    return sites


_SETUP_STR = re.compile(r"""(?P<q>["'])(?P<req>[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*[<>=!~^][^"'\n]*)"""
                        r"""(?P=q)""")


def setup_py_sites(f: LinesFile, names: set[str]) -> list[DepSite]:
    """String literals in setup.py that are requirements of ours (`"wasmtime>=29,<30"`)."""
    sites: list[DepSite] = []
    for idx, raw in enumerate(f.lines):
        for m in _SETUP_STR.finditer(raw):
            req = parse_requirement(m.group("req"))
            if req is None or normalize(req.name) not in names:
                continue
            off = m.start("req")

            def setter(new: str, _idx: int = idx, _req: Requirement = req, _off: int = off) -> None:
                f.replace_in_line(_idx, _off + _req.spec_start, _off + _req.spec_end, new)

            sites.append(DepSite(f.path, "setup.py", normalize(req.name), req.spec, idx + 1, set_spec=setter))
    return sites


# -- locks ---------------------------------------------------------------------------------------


def lock_versions(path: Path, names: set[str]) -> dict[str, list[str]]:
    """Package versions a uv.lock / poetry.lock / pdm.lock pins ({} when unreadable)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    out: dict[str, list[str]] = {}
    for pkg in data.get("package", []) or []:
        if not isinstance(pkg, dict):
            continue
        name, ver = pkg.get("name"), pkg.get("version")
        if isinstance(name, str) and isinstance(ver, str) and normalize(name) in names:
            out.setdefault(normalize(name), []).append(ver)
    return out


# -- adding a dependency -------------------------------------------------------------------------


def add_beside(f: ManifestFile, site: DepSite, name: str, spec: str) -> bool:
    """Declare ``name spec`` next to ``site`` (same list or table, same file); False if not possible."""
    if isinstance(f, TomlFile):
        if site.poetry:
            for where, table in _poetry_tables(f.doc):
                if where == site.where:
                    table[name.replace("_", "-")] = spec
                    f.changed = True
                    return True
            return False
        for where, arr in _pep508_arrays(f.doc):
            if where != site.where:
                continue
            for i, item in enumerate(arr):
                req = parse_requirement(str(item)) if isinstance(item, str) else None
                if req is not None and normalize(req.name) == site.name:
                    arr.insert(i + 1, _styled(item, f"{name}{spec}"))
                    f.changed = True
                    return True
        return False
    if isinstance(f, LinesFile):
        idx = site.line - 1
        line = f.lines[idx]
        lead = line[: len(line) - len(line.lstrip())]
        if site.where == "setup.py":
            return False
        if site.where.startswith("setup.cfg") and not lead:
            lead = "    "  # the value sat on the key's line: continue it on an indented line
        f.insert_line(idx + 1, f"{lead}{name}{spec}")
        return True
    return False
