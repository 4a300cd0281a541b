"""Versioned upgrade steps. One module per step; each defines ``STEP``.

The engine imports every module here that does not start with ``_``. Family data
(which crates move in lock-step, their verified releases) lives in ``_families``.
"""

from ._families import FAMILIES

__all__ = ["FAMILIES"]
