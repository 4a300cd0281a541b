"""Loading the step registry from the transforms package and choosing the steps for an upgrade."""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass
from functools import cache

from .transform import Family, Step, line_key


class PlanError(ValueError):
    pass


# step modules are named after their family (tests/test_step_prefilter.py checks it): a run that
# plans one family imports that family's modules only (the Python steps pull in libcst)
MODULE_PREFIXES = (("wasmtime_py_", "wasmtime-py"), ("componentize_py_", "componentize-py"),
                   ("wit_bindgen_", "wit-bindgen"), ("wasmtime_", "wasmtime"))


def module_family(name: str) -> str | None:
    return next((fam for prefix, fam in MODULE_PREFIXES if name.startswith(prefix)), None)


class Registry:
    """The families and the steps. The steps are imported on first use, a family's at a time: a run
    that plans no step (a no-op ``--check``, every crate already at the target) imports none of the
    135 step modules, a Rust run none of the Python ones."""

    def __init__(self, families: dict[str, Family], steps: tuple[Step, ...] | None = None) -> None:
        self.families = families
        self._steps = steps
        self._by_family: dict[str, list[Step]] = {}
        # (family, current, target, only, skip) -> plan: every crate of a workspace asks the same
        self.plans: dict[tuple[str, str, str, frozenset[str], frozenset[str]], Plan] = {}

    @property
    def steps(self) -> tuple[Step, ...]:  # sorted by (family, to_version, id)
        if self._steps is None:
            self._steps = _load_steps(self.families)
        return self._steps

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise PlanError(f"unknown step {step_id!r}; `wasm-codemod list` shows all steps")

    def for_family(self, family: str) -> list[Step]:
        if self._steps is not None:
            return [s for s in self._steps if s.family == family]
        if family not in self._by_family:
            self._by_family[family] = list(_load_steps(self.families, family))
        return list(self._by_family[family])


@cache
def load_registry() -> Registry:
    """The families of ``wasm_codemod.transforms``; its step modules load when first asked for."""
    pkg = importlib.import_module("wasm_codemod.transforms")
    return Registry(dict(pkg.FAMILIES))


def _load_steps(families: dict[str, Family], family: str | None = None) -> tuple[Step, ...]:
    """Import the modules of ``wasm_codemod.transforms`` that define ``STEP`` (``family``: only the
    modules named after it, and any module named after no family)."""
    pkg = importlib.import_module("wasm_codemod.transforms")
    steps: list[Step] = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("_"):
            continue
        named = module_family(info.name)
        if family is not None and named is not None and named != family:
            continue
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        step = getattr(mod, "STEP", None)
        if isinstance(step, Step):
            if step.family not in families:
                raise PlanError(f"step {step.id} names unknown family {step.family!r}")
            if named is not None and step.family != named:
                raise PlanError(f"step module {info.name} is named after {named} but its step is {step.family}'s")
            if family is None or step.family == family:
                steps.append(step)
    ids = [s.id for s in steps]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise PlanError(f"duplicate step ids: {sorted(dupes)}")
    steps.sort(key=lambda s: (s.family, line_key(s.to_version), s.id))
    return tuple(steps)


@dataclass(frozen=True)
class Plan:
    family: str
    current: str
    target: str
    steps: tuple[Step, ...]

    @property
    def is_noop(self) -> bool:
        return line_key(self.current) >= line_key(self.target)


def resolve_target(family: Family, spec: str, flag: str = "--to") -> str:
    """``--to`` (or ``flag``) value -> a known release line of ``family``."""
    spec = spec.strip()
    # developers writing the next steps lift the cap with WASM_CODEMOD_ALLOW_UNVERIFIED=1
    allow = os.environ.get("WASM_CODEMOD_ALLOW_UNVERIFIED") == "1"
    if spec == "latest":
        return family.known_lines()[-1] if allow and family.known_lines() else family.latest_line()
    parts = spec.split(".")
    line = parts[0] if not spec.startswith("0.") else ".".join(parts[:2])
    if not all(p.isdigit() for p in line.split(".")):
        raise PlanError(f"{flag} {spec!r}: expected a release line like 36 or 0.45, or 'latest'")
    known = family.known_lines()
    if known and not allow and line_key(line) > line_key(family.latest_line()):
        raise PlanError(f"{family.name} {line} is newer than the newest verified line "
                        f"({family.latest_line()}); this version of wasm-codemod cannot upgrade to it yet")
    if known and line_key(line) < line_key(known[0]):
        raise PlanError(f"{family.name} {line} is older than the oldest supported line ({known[0]})")
    return line


def make_plan(registry: Registry, family: str, current: str, target: str,
              only: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()) -> Plan:
    for sid in only | skip:
        registry.step(sid)  # unknown ids are a usage error
    key = (family, current, target, only, skip)
    hit = registry.plans.get(key)
    if hit is not None:
        return hit
    if line_key(current) >= line_key(target):
        return Plan(family, current, target, ())  # no step applies (Step.applies): import none
    chosen = []
    for s in registry.for_family(family):
        if not s.applies(current, target):
            continue
        if only and s.id not in only:
            continue
        if s.id in skip:
            continue
        chosen.append(s)
    plan = registry.plans[key] = Plan(family, current, target, tuple(chosen))
    return plan
