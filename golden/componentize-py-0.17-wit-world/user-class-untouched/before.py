import sandbox

from helpers import Sandbox as Jail


class Sandbox(sandbox.Sandbox):
    def eval(self, expression: str) -> str:
        return Jail().run(expression)
