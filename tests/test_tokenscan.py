"""TokenScan.present equals the plain substring test, overlapping and nested tokens included."""

from __future__ import annotations

import random

from wasm_codemod.tokenscan import TokenScan

TOKENS = frozenset({b"Store", b"Store<", b"tore<T", b"::add_to_linker(", b"add_to_linker", b"a", b"\xc3\xa9t\xc3\xa9",
                    b"wasmtime::", b"time::comp", b".gc("})


def test_matches_the_substring_test_on_random_texts():
    rng = random.Random(7)
    alphabet = [b"Store", b"<T>", b"::", b"add_to", b"_linker(", b"wasm", b"time", b"comp", b".gc(", b" ", b"\n",
                b"\xc3\xa9t\xc3\xa9", b"x"]
    scan = TokenScan(TOKENS)
    for _ in range(500):
        data = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert scan.present(data) == {t for t in TOKENS if t in data}, data


def test_no_tokens_finds_nothing():
    assert TokenScan(frozenset()).present(b"anything") == set()


def test_the_empty_token_is_in_every_text():
    scan = TokenScan(frozenset({b"", b"Store"}))
    assert scan.present(b"") == {b""}
    assert scan.present(b"a Store") == {b"", b"Store"}
