"""Real-world corpus harness: build maintainers' `before` trees, run the tool, score per hunk.

Slow tier, needs git mirrors (see realworld/README.md). Nothing here imports the tool: it is run
as a user runs it, so any checkout can be measured.
"""
