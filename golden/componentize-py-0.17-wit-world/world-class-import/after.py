from wit_world import WitWorld as Base
from wit_world.types import Err


class WitWorld(Base):
    def eval(self, expression: str) -> str:
        if expression == "boom":
            raise Err("boom")
        return expression


def make() -> WitWorld:
    return WitWorld()
