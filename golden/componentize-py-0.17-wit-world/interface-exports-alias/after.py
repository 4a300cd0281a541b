import wit_world as world
from wit_world import exports


class Greet(exports.Greet):
    def hello(self, name: str) -> str:
        world.log(f"greeting {name}")
        return f"hello, {name}"
