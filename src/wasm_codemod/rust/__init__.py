"""tree-sitter-rust helpers: parsing, name resolution, use-tree edits, impl lookup, macro bodies."""
