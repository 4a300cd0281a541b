class loader:  # noqa: N801
    @staticmethod
    def resolve(path: str) -> str:
        return path
