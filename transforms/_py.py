"""Helpers shared by the Python (libcst) steps."""

from __future__ import annotations

import libcst as cst

NO_SPACE = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def kwarg(name: str, value: str) -> cst.Arg:
    """`name=value` written as PEP 8 writes keyword arguments."""
    return cst.Arg(value=cst.parse_expression(value), keyword=cst.Name(name), equal=NO_SPACE)


def with_args(call: cst.Call, args: list[cst.Arg]) -> cst.Call:
    """``call`` with ``args``: the last argument keeps the original last comma (trailing comma and
    line break of a vertical call), every other one has a comma."""
    if not args:
        return call.with_changes(args=[])
    last_comma = call.args[-1].comma if call.args else cst.MaybeSentinel.DEFAULT
    out = []
    for i, a in enumerate(args):
        if i == len(args) - 1:
            out.append(a.with_changes(comma=last_comma))
        elif not isinstance(a.comma, cst.Comma):
            out.append(a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))))
        else:
            out.append(a)
    return call.with_changes(args=out)


def method_name(call: cst.Call) -> str | None:
    return call.func.attr.value if isinstance(call.func, cst.Attribute) else None


def positional(call: cst.Call) -> list[cst.Arg]:
    return [a for a in call.args if a.keyword is None and not a.star]


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((a for a in call.args if a.keyword is not None and a.keyword.value == name), None)


def has_star(call: cst.Call) -> bool:
    return any(a.star for a in call.args)


def handler_catches_import_error(handler: cst.ExceptHandler) -> bool:
    """`except ImportError`, `except (ImportError, AttributeError)`, `except Exception`, bare `except`."""
    t = handler.type
    if t is None:
        return True
    names = [t] if not isinstance(t, cst.Tuple) else [e.value for e in t.elements]
    return any(isinstance(n, cst.Name) and n.value in ("ImportError", "ModuleNotFoundError", "AttributeError",
                                                       "Exception", "BaseException") for n in names)
