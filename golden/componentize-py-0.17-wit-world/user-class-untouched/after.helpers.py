class Sandbox:
    """A helper that happens to share the world's class name; not a world implementation."""

    def run(self, expression: str) -> str:
        return expression[::-1]
