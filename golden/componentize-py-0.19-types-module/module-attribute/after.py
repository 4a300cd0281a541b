import wit_world
import componentize_py_types


class WitWorld(wit_world.WitWorld):
    def eval(self, expression: str) -> str:
        if not expression:
            raise componentize_py_types.Err("empty expression")
        return expression
