import sandbox
from sandbox.types import Err


class Sandbox(sandbox.Sandbox):
    def eval(self, expression: str) -> str:
        if not expression:
            raise Err("empty expression")
        return expression.upper()
