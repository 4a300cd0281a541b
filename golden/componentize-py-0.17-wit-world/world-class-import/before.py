from sandbox import Sandbox as Base
from sandbox.types import Err


class Sandbox(Base):
    def eval(self, expression: str) -> str:
        if expression == "boom":
            raise Err("boom")
        return expression


def make() -> Sandbox:
    return Sandbox()
