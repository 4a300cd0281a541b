import wit_world
from componentize_py_types import Err, Ok  # noqa: F401


class WitWorld(wit_world.WitWorld):
    def eval(self, expression: str) -> str:
        if not expression:
            raise Err("empty expression")
        return expression
