"""Score the tool's runs against the maintainers' upgrades, hunk by hunk, and write docs/realworld.md.

    python3 -m realworld.score [PAIR...] [--fresh] [--out FILE]

Runs the tool on each pair (or reuses the cached run of the same tool commit, see run.py),
then scores it with compare.py against the labels in realworld/labels/. With PAIR arguments
the table covers only those pairs and docs/realworld.md is not written unless --out is given.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare import Extra, score_file
from .compile import CANNOT, SMALL, fixes_summary
from .corpus import HERE, Pair, cache_root, find_mirror, load_corpus, select
from .diffs import FileDiff, new_to_old, parse_diff
from .labels import EXTRA_KINDS, LABEL_KINDS, file_texts, lines_of, load_labels, maintainers_diff
from .run import Tool, run_pair, tool, totals

DOC = HERE.parent / "docs" / "realworld.md"
SCORED = (".rs", ".toml", ".wit")


@dataclass
class PairScore:
    pair: Pair
    run: dict[str, Any]
    hunks: dict[str, str] = field(default_factory=dict)  # id -> status
    labels: dict[str, str] = field(default_factory=dict)  # id -> label ("?" when unread)
    notes: dict[str, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    extras: list[tuple[Extra, str]] = field(default_factory=list)  # (extra, class or "unlabeled")
    stale_labels: list[str] = field(default_factory=list)
    unscored_tool_files: list[str] = field(default_factory=list)

    def count(self, label: str, status: str | None = None) -> int:
        return sum(1 for i, lab in self.labels.items() if lab == label and (status is None or self.hunks[i] == status))

    def ids(self, label: str, status: str) -> list[str]:
        return [i for i, lab in self.labels.items() if lab == label and self.hunks[i] == status]

    def extra_count(self, cls: str) -> int:
        return sum(1 for _, c in self.extras if c == cls)


def score_pair(pair: Pair, run: dict[str, Any]) -> PairScore:
    ps = PairScore(pair, run)
    mirror = find_mirror(pair.repo)
    if mirror is None or run.get("status") != "ran":
        return ps
    lf = load_labels(pair)
    m_files = parse_diff(maintainers_diff(mirror, pair))
    t_all = parse_diff(run.get("diff", ""))
    t_files = {p: fd for p, fd in t_all.items() if p.endswith(SCORED)}
    ps.unscored_tool_files = sorted(p for p in t_all if not p.endswith(SCORED))
    paths = sorted(set(m_files) | set(t_files))
    befores = file_texts(mirror, pair.before, paths)
    fus: dict[str, list[int]] = {}
    for f in (run.get("report") or {}).get("follow_ups", []):
        tb = t_files[f["file"]].blocks if f["file"] in t_files else []
        fus.setdefault(f["file"], []).append(new_to_old(tb, int(f["line"]) - 1))
    equiv: dict[str, str] = {}
    for path in paths:
        md = m_files.get(path, FileDiff(path, path, path))
        td = t_files.get(path, FileDiff(path, path, path))
        sel = {h.id: lf.hunks[h.id].blocks for h in md.hunks if h.id in lf.hunks and lf.hunks[h.id].blocks}
        only = {h.id: lf.hunks[h.id].only for h in md.hunks if h.id in lf.hunks and lf.hunks[h.id].only}
        res = score_file(path, lines_of(befores[path]), md.hunks, td.blocks, fus.get(path, []), sel, only)
        for h in md.hunks:
            ps.hunks[h.id] = res.status[h.id]
            lab = lf.hunks.get(h.id)
            ps.labels[h.id] = lab.label if lab else "?"
            if lab and lab.note:
                ps.notes[h.id] = lab.note
        ps.touched |= res.touched
        for e in res.extras:
            el = lf.extras.get(e.key)
            ps.extras.append((e, el.cls if el else "unlabeled"))
            if el and el.equivalent_to:
                equiv[el.equivalent_to] = e.key
    for hid in equiv:
        if ps.hunks.get(hid) in ("reported", "missed"):
            ps.hunks[hid] = "reproduced"
    ps.stale_labels = sorted(set(lf.hunks) - set(ps.hunks))
    return ps


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "n/a"


def grand(scores: list[PairScore]) -> dict[str, int]:
    # zeros for every key, so a selection without in-scope pairs still renders
    g: dict[str, int] = {k: 0 for k in (*LABEL_KINDS, "?", "reproduced", "reported", "missed", "stale",
                                         *(f"extra_{c}" for c in (*EXTRA_KINDS, "unlabeled")))}
    for ps in scores:
        for lab in (*LABEL_KINDS, "?"):
            g[lab] = g.get(lab, 0) + ps.count(lab)
        for st in ("reproduced", "reported", "missed"):
            g[st] = g.get(st, 0) + ps.count("mechanical", st)
        for cls in (*EXTRA_KINDS, "unlabeled"):
            g[f"extra_{cls}"] = g.get(f"extra_{cls}", 0) + ps.extra_count(cls)
        g["stale"] = g.get("stale", 0) + len(ps.stale_labels)
    return g


def compile_rows() -> list[str]:
    rows = []
    for slug in SMALL:
        f = cache_root() / "compile" / f"{slug}.json"
        if not f.is_file():
            rows.append(f"| {slug} | not run | | |")
            continue
        r = json.loads(f.read_text())
        after = "ok" if r["after"]["ok"] else f"fails: {'; '.join(r['after']['errors'][:2])[:160]}"
        if r["tool"] is None:
            why = "; ".join(r.get("not_upgraded") or [])
            tool_s = f"not checked: the tool changed nothing (exit {r['tool_exit']}){': ' + why if why else ''}"
        else:
            tool_s = "ok" if r["tool"]["ok"] else f"{len(r['tool']['errors'])} error(s): " + "; ".join(
                e.split(": ", 1)[-1] for e in r["tool"]["errors"][:3])[:200]
        rows.append(f"| {r.get('name', slug)} | {after} | {tool_s} | {fixes_summary(r)} |")
    return rows


def render(scores: list[PairScore], tool_desc: str) -> str:
    runs = [ps.run for ps in scores]
    t = totals(runs)
    g = grand(scores)
    gy = grand([ps for ps in scores if ps.pair.in_scope == "yes"])
    mech = g["mechanical"]
    today = datetime.date.today().isoformat()
    out = [
        "# Real-world scoreboard",
        "",
        "Generated by `python3 -m realworld.score` (see [realworld/README.md](../realworld/README.md)); do not edit.",
        "",
        f"- Date: {today}",
        f"- Tool: `{tool_desc}`",
        f"- Corpus: {t['pairs']} pairs, {t['ran']} run, {t['no_mirror']} skipped for want of a mirror",
        "",
        "## Totals",
        "",
        f"- Maintainers' hunks: {sum(g[k] for k in (*LABEL_KINDS, '?'))} "
        f"(mechanical {g['mechanical']}, judgement {g['judgement']}, unrelated {g['unrelated']}, "
        f"not labelled yet {g['?']})",
        f"- Mechanical hunks: **reproduced {g['reproduced']} ({_pct(g['reproduced'], mech)})**, "
        f"reported {g['reported']} ({_pct(g['reported'], mech)}), missed {g['missed']} ({_pct(g['missed'], mech)}); "
        f"reproduced or reported {_pct(g['reproduced'] + g['reported'], mech)}",
        f"- In-scope pairs only (`in_scope = yes`, {sum(ps.pair.in_scope == 'yes' for ps in scores)} pairs; the "
        f"others start below the tool's oldest line or are guests): mechanical {gy['mechanical']}, reproduced "
        f"{gy['reproduced']} ({_pct(gy['reproduced'], gy['mechanical'])}), reported {gy['reported']}, missed "
        f"{gy['missed']}; reproduced or reported {_pct(gy['reproduced'] + gy['reported'], gy['mechanical'])}",
        f"- Extra edits (the tool's, not the maintainers'): correct {g['extra_correct']}, "
        f"harmless {g['extra_harmless']}, **wrong {g['extra_wrong']}**, not labelled yet {g['extra_unlabeled']}",
        f"- Runs: whole-tree refusals (exit 3) **{t['refused']}**, crashes / internal errors **{t['crashed']}** "
        f"/ {t['internal_errors']}, pairs with skipped crates {t['pairs_with_skips']}, changed `wit-bindgen` "
        f"lines with only `--to` **{t['wit_bindgen_lines']}**",
        "",
        "## Per pair",
        "",
        "Hunks: mechanical / judgement / unrelated (/ unlabelled). Mechanical: reproduced / reported / missed. "
        "Extras: correct / harmless / wrong / unlabelled.",
        "",
        "| pair | to | exit | hunks m/j/u | reproduced | reported | missed | extras c/h/w/? | skipped | "
        "follow-ups | wit-bindgen lines | s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for ps in scores:
        r = ps.run
        if r.get("status") != "ran":
            out.append(f"| {ps.pair.name} | {ps.pair.to} | no mirror | | | | | | | | | |")
            continue
        s = r["summary"]
        unl = ps.count("?")
        hunks = f"{ps.count('mechanical')}/{ps.count('judgement')}/{ps.count('unrelated')}" + (f"/{unl}" if unl else "")
        ex = "/".join(str(ps.extra_count(c)) for c in (*EXTRA_KINDS, "unlabeled"))
        code = str(s["exit_code"]) + (" refused" if s["refused"] else "") + (" crash" if s["crashed"] else "") + (
            " internal" if s["internal_errors"] and not s["crashed"] else "")
        wit = "n/a" if ps.pair.guest else str(s["wit_bindgen_lines"])
        out.append(f"| {ps.pair.name} | {ps.pair.target} | {code} | {hunks} | {ps.count('mechanical', 'reproduced')} "
                   f"| {ps.count('mechanical', 'reported')} | {ps.count('mechanical', 'missed')} | {ex} "
                   f"| {len(s['skipped'])} | {s['follow_ups']} | {wit} | {s['wall_s']:.0f} |")
    out += ["", "## Compile check", "",
            "From the last `python3 -m realworld.compile` (or `pytest -m realworld_compile`): `cargo check` of the "
            "maintainers' after, then of the tool's output plus the maintainers' fixes at the sites it reported "
            "(the blocks of their hunk within 3 lines of a follow-up, and that hunk's other blocks in the same "
            "top-level item; the whole change under a path a follow-up names, such as a WIT tree to re-vendor). Both "
            "builds resolve with the maintainers' Cargo.lock (the manifests still decide the versions).", "",
            "| pair | maintainers' after | tool + reported fixes | fixes applied at |", "|---|---|---|---|"]
    out += compile_rows()
    out += ["", "Not built here (each needs what this machine lacks, judged from its manifests and build scripts, "
            "not attempted): " + "; ".join(f"{k}: {v}" for k, v in CANNOT.items()) + ". The other pairs "
            "are whole workspaces (40-90 crates), not attempted."]
    out += ["", "## Gaps by shape", "",
            "Mechanical hunks not reproduced, grouped by the shape their label names (the label's note), "
            "most first. `reported` means a follow-up at the site.", "",
            "| shape (label note) | missed | reported | pairs |", "|---|---|---|---|"]
    shapes: dict[str, list[int | set[str]]] = {}
    for ps in scores:
        for st in ("missed", "reported"):
            for hid in ps.ids("mechanical", st):
                row = shapes.setdefault(ps.notes.get(hid, "(no note)"), [0, 0, set()])
                row[0 if st == "missed" else 1] += 1  # type: ignore[operator]
                row[2].add(ps.pair.name)  # type: ignore[union-attr]
    for note, (missed, reported, names) in sorted(shapes.items(), key=lambda kv: (-kv[1][0] - kv[1][1], kv[0])):
        out.append(f"| {note} | {missed} | {reported} | {', '.join(sorted(names))} |")  # type: ignore[arg-type]
    out += ["", "## Details", "",
            "Missed and reported mechanical hunks by id (with the label's note), extras by key. Hunk ids are "
            "`file#index-hash` of `git diff BEFORE AFTER`; `python3 -m realworld.labels PAIR --show all` prints them.",
            ""]
    for ps in scores:
        if ps.run.get("status") != "ran":
            continue
        s = ps.run["summary"]
        lines: list[str] = []
        if s["refused"] or s["crashed"] or s["errors"]:
            for e in s["errors"][:6]:
                lines.append(f"- error: {e}")
            if s["crashed"]:
                tail = [x for x in ps.run.get("stderr_tail", "").splitlines() if x.strip()][-1:]
                lines.append(f"- crash: `{tail[0][:200] if tail else 'exit ' + str(s['exit_code'])}`")
        for sk in s["skipped"][:12]:
            if isinstance(sk, dict):
                lines.append(f"- skipped: `{sk.get('manifest', '?')}` ({sk.get('family') or 'all'}): "
                             f"{str(sk.get('reason', ''))[:200]}")
            else:
                lines.append(f"- skipped: {json.dumps(sk)[:240]}")
        if len(s["skipped"]) > 12:
            lines.append(f"- ... {len(s['skipped']) - 12} more skipped")
        for st in ("missed", "reported"):
            for hid in ps.ids("mechanical", st):
                lines.append(f"- {st}: `{hid}`" + (f": {ps.notes[hid]}" if hid in ps.notes else ""))
        for e, cls in ps.extras:
            lines.append(f"- extra ({cls}): `{e.key}` at line {e.old_line}")
        if ps.stale_labels:
            lines.append(f"- stale labels (no such hunk): {', '.join(f'`{x}`' for x in ps.stale_labels)}")
        if ps.unscored_tool_files:
            lines.append(f"- tool changed unscored files: {', '.join(ps.unscored_tool_files)}")
        if ps.run.get("missing_blobs"):
            lines.append(f"- blobs missing from the mirror: {len(ps.run['missing_blobs'])}")
        if lines:
            out += [f"### {ps.pair.name}", ""] + lines + [""]
    return "\n".join(out).rstrip() + "\n"


def explain(ps: PairScore) -> str:
    """For a person at a terminal (never written to the repo: it shows the project's code)."""
    mirror = find_mirror(ps.pair.repo)
    if mirror is None or ps.run.get("status") != "ran":
        return f"## {ps.pair.name}: not run"
    m_files = parse_diff(maintainers_diff(mirror, ps.pair))
    t_files = parse_diff(ps.run.get("diff", ""))
    out = [f"## {ps.pair.name}"]
    for path, fd in m_files.items():
        for h in fd.hunks:
            if ps.labels.get(h.id) != "mechanical" or ps.hunks.get(h.id) == "reproduced":
                continue
            s, e = h.change_span
            out.append(f"=== {ps.hunks[h.id]}: {h.id}  ({ps.notes.get(h.id, '')})")
            out += ["  M " + ln for ln in h.change_lines()]
            for b in (t_files[path].blocks if path in t_files else []):
                if b.old_start <= e + 3 and b.old_end >= s - 3:
                    out += ["  T -" + x for x in b.removed] + ["  T +" + x for x in b.added]
    for e, cls in ps.extras:
        out.append(f"=== extra ({cls}) {e.key} line {e.old_line}")
        out += ["  T -" + x for x in e.block.removed] + ["  T +" + x for x in e.block.added]
    return "\n".join(out)


def score_all(names: list[str] | None = None, fresh: bool = False,
              runs_of: str | None = None) -> tuple[list[PairScore], str]:
    """`runs_of`: score the cached runs of an earlier tool (a directory name under runs/) instead."""
    t = Tool(["false"], runs_of, f"cached runs {runs_of}") if runs_of else tool()
    scores = []
    for pair in select(load_corpus(), names):
        run = run_pair(pair, t, fresh)
        ps = score_pair(pair, run)
        scores.append(ps)
        print(f"{pair.name}: mechanical {ps.count('mechanical')}: reproduced {ps.count('mechanical', 'reproduced')}, "
              f"reported {ps.count('mechanical', 'reported')}, missed {ps.count('mechanical', 'missed')}; "
              f"extras {len(ps.extras)}", file=sys.stderr, flush=True)
    return scores, t.describe


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m realworld.score", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--fresh", action="store_true", help="rerun the tool even if this commit has a cached run")
    ap.add_argument("--explain", action="store_true",
                    help="print each missed/reported mechanical hunk beside the tool's edits there, and each extra")
    ap.add_argument("--runs-of", metavar="IDENT", help="score the cached runs under runs/IDENT (an earlier tool)")
    ap.add_argument("--out", type=Path, help=f"write the scoreboard here (default: {DOC} when scoring all pairs)")
    a = ap.parse_args(argv)
    scores, desc = score_all(a.pairs, a.fresh, a.runs_of)
    if a.explain:
        for ps in scores:
            print(explain(ps))
        return 0
    text = render(scores, desc)
    out = a.out or (None if a.pairs else DOC)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
