"""The parse floor: one Python pass that reads and parses Rust files with the tool's own
tree-sitter bindings, and nothing else. What no Rust-rewriting run can beat in this language.

    python3 benchmarks/parse_floor.py TREE...                # every .rs file under the trees
    python3 benchmarks/parse_floor.py --list FILE            # the files named in FILE (one a line)
    python3 benchmarks/parse_floor.py --record FILE -- ARGS  # run `wasm-codemod ARGS` in this process
                                                             # and write the files it parsed to FILE

`--record` then `--list` gives the floor of the files the tool itself parses (issue 12: the tool
should stay within 3x of it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def rust_files(trees: list[str]) -> list[str]:
    out = []
    for t in trees:
        for d, dirs, files in os.walk(t):
            dirs[:] = [x for x in dirs if x != "target" and not x.startswith(".")]
            out.extend(os.path.join(d, f) for f in files if f.endswith(".rs"))
    return sorted(out)


def parse_all(files: list[str]) -> int:
    import tree_sitter_rust
    from tree_sitter import Language, Parser

    parser = Parser(Language(tree_sitter_rust.language()))
    nodes = 0
    for f in files:
        with open(f, "rb") as fh:
            tree = parser.parse(fh.read())
        nodes += tree.root_node.descendant_count  # touch the tree, as a step would
    return nodes


def record(out: str, args: list[str]) -> int:
    """Run the CLI in-process, noting each file whose tree is built (SourceFile.tree is lazy)."""
    from wasm_codemod import cli, source

    seen: dict[str, None] = {}
    orig = source.SourceFile.tree

    def tree(self: source.SourceFile):  # type: ignore[no-untyped-def]
        if self._tree is None:
            seen.setdefault(self.path, None)
        return orig.fget(self)  # type: ignore[attr-defined]

    source.SourceFile.tree = property(tree)  # type: ignore[method-assign,assignment]
    sys.argv = ["wasm-codemod", *args]
    code = 0
    try:
        cli.main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    base = Path.cwd()
    # SourceFile.path is the display path (relative to the working directory)
    Path(out).write_text("".join(f"{(base / p).as_posix()}\n" for p in seen))
    print(f"{len(seen)} files parsed, exit {code}", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--record"]:
        if len(argv) < 3 or argv[2] != "--":
            print("usage: parse_floor.py --record FILE -- ARGS...", file=sys.stderr)
            return 2
        return record(argv[1], argv[3:])
    if argv[:1] == ["--list"]:
        files = [ln for ln in Path(argv[1]).read_text().splitlines() if ln]
    else:
        files = rust_files(argv or ["."])
    nodes = parse_all(files)
    print(f"{len(files)} files, {sum(os.path.getsize(f) for f in files)} bytes, {nodes} nodes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
