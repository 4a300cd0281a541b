from wasmtime import WasiConfig


def sandbox(data_dir: str, out_dir: str) -> WasiConfig:
    wasi = WasiConfig()
    wasi.inherit_stdout()
    # inputs are read-only, outputs writable
    wasi.preopen_dir(data_dir, "/data", fs_mutable=False)
    wasi.preopen_dir(out_dir, "/out")
    wasi.preopen_dir(data_dir, "/ref", fs_mutable=False)
    wasi.preopen_dir(out_dir, "/cache")
    wasi.preopen_dir(out_dir, "/plain")
    return wasi


if __name__ == "__main__":
    sandbox(".", ".")
    print("ok")
