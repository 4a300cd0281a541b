import greeter_app as world
from greeter_app import exports


class Greet(exports.Greet):
    def hello(self, name: str) -> str:
        world.log(f"greeting {name}")
        return f"hello, {name}"
