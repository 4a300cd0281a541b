import wasmtime


def engine() -> wasmtime.Engine:
    return wasmtime.Engine()


if __name__ == "__main__":
    print(type(engine()).__name__)
