"""word_matches/word_search find exactly what the pattern with a leading `\\b` (or `(?<![\\w#])`) finds."""

from __future__ import annotations

import random
import re

from wasm_codemod.wordsearch import WORD_BYTES, word_matches, word_search

PATTERNS = [rb"fn\s+add_to_linker\b", rb"(?:Engine|Module|Mod)(?!\w)", rb"anyhow\s*:\s*true",
            rb"impl\b[^{;]*?\bHost[^{;]*?\bfor\b", rb"(Has[A-Z]\w*)\b", rb"wasmtime\s*::\s*Result\b|wasmtime\b\s+as\b"]
ALPHABET = [b"fn", b" ", b"\n", b"add_to_linker", b"x", b"_", b"#", b"Engine", b"Module", b"anyhow", b":", b"true",
            b"impl", b"Host", b"for", b"{", b";", b"HasData", b"wasmtime", b"::", b"Result", b"as", b"\xc3\xa9"]


def test_same_matches_as_the_asserted_pattern_on_random_texts():
    rng = random.Random(12)
    for pat in PATTERNS:
        bare = re.compile(pat)
        asserted = re.compile(rb"\b(?:" + pat + rb")")
        raw_ok = re.compile(rb"(?<![\w#])(?:" + pat + rb")")
        for _ in range(400):
            data = b"".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
            want = [m.span() for m in asserted.finditer(data)]
            assert [m.span() for m in word_matches(bare, data)] == want, (pat, data)
            first = word_search(bare, data)
            assert (first.span() if first else None) == (want[0] if want else None)
            want_raw = [m.span() for m in raw_ok.finditer(data)]
            assert [m.span() for m in word_matches(bare, data, WORD_BYTES | {ord("#")})] == want_raw, (pat, data)


def test_a_match_inside_a_longer_word_is_skipped_for_the_next_one():
    pat = re.compile(rb"Engine(?!\w)")
    assert [m.start() for m in word_matches(pat, b"MyEngine Engine xEngine")] == [9]
    assert word_search(pat, b"MyEngine") is None


def test_words_pattern_finds_any_name_as_a_whole_word():
    from wasm_codemod.wordsearch import words

    pat = words(["into_val", "into", b"from_val"])
    assert [m.group() for m in word_matches(pat, b"x.into_value(); y.into_val(); into(z); my_from_val()")] \
        == [b"into_val", b"into"]
    assert words(["from_val", "into", "into_val"]) is pat  # one compiled pattern per set of names
