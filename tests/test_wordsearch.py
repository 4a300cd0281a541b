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


def test_call_argument_count_gate_never_misses_a_call_the_parser_sees():
    # every method call of every golden Rust file, and of random call-shaped texts: the gate must say
    # True for the call's name and argument count (False would skip a file a step acts on)
    import random
    from pathlib import Path

    from wasm_codemod.rust.calls import method_calls
    from wasm_codemod.rust.parse import parse_rust
    from wasm_codemod.wordsearch import may_call_with_args, spelled_calls

    def opener(name: str) -> re.Pattern[bytes]:
        return re.compile(rb"\.\s*" + re.escape(name.encode()) + rb"\s*\(")

    rng = random.Random(5)
    parts = [b"a", b", ", b"f(x, y)", b"[1, 2]", b"{ 3 }", b'"s, (t"', b'"\\\\"', b"'c'", b"')'", b"','", b"'('",
             b"&'a x", b"|p, q| p",
             b"/* ) */", b"// )\n", b'r"(,"', b"b','", b"\n", b"vec![1, 2]"]
    texts = [p.read_bytes() for p in sorted(Path(__file__).resolve().parent.parent.glob("golden/**/*.rs"))]
    texts += [b"fn f() { x.m(" + b"".join(rng.choice(parts) for _ in range(rng.randint(0, 8))) + b"); }"
              for _ in range(3000)]
    calls = 0
    for data in texts:
        root = parse_rust(data).root_node
        if root.has_error:
            continue
        names = {m.decode() for m in re.findall(rb"\.\s*([a-z_]\w*)\s*[(:]", data)}
        for mc in method_calls(root, names):
            if mc.call.child_by_field_name("function").type == "generic_function":
                continue  # `.m::<T>(..)`: not what an opener `.m(` spells
            calls += 1
            assert may_call_with_args(data, opener(mc.method), len(mc.args)), (data, mc.method, len(mc.args))
            # and its argument text is one of the spans read for that opener (or the scan gave up)
            args = mc.call.child_by_field_name("arguments")
            spans = list(spelled_calls(data, opener(mc.method)))
            assert None in spans or (args.start_byte + 1, args.end_byte - 1) in spans, (data, mc.method)
    assert calls > 2500
    get = re.compile(rb"\.\s*get\s*\(")
    assert not may_call_with_args(b"m.get(k); v.get(f(a, b)); s.get(\"a, b, c\")", get, 3)
    assert may_call_with_args(b"linker.get(&mut store, \"m\", \"f\")", get, 3)
    # a raw string has no escapes: `r"\"` ends at its second quote, and the commas after it count
    raw = b'linker.get(r"\\", a, b); log("z")'
    assert parse_rust(b"fn f() { " + raw + b"; }").root_node.has_error is False
    assert may_call_with_args(raw, get, 3)
    assert may_call_with_args(b"linker.get(')', a, b)", get, 3)
