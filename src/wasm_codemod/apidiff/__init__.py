"""The public-API difference between two published versions of a crate, from rustdoc JSON.

``surface`` reads one rustdoc JSON file into the set of importable paths and their
members; ``diff`` compares two surfaces (plus their Cargo features) and lists the breaking
changes by kind; ``build`` produces the JSON with cargo in a scratch project; ``ledger``
maps every change of the covered crates and versions to a step, ``no-source-impact`` or
``open``. Nothing here knows about the upgrade engine.
"""
