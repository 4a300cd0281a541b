import wasmtime
import wasmtime as w


def configure(wasi: w.WasiConfig, root: str) -> None:
    wasi.preopen_dir(root, "/", fs_mutable=False)
    wasi.preopen_dir(
        root,
        "/scratch",
    )
    wasi.preopen_dir(
        root,
        "/assets",
        fs_mutable=False,
    )


if __name__ == "__main__":
    cfg = wasmtime.WasiConfig()
    configure(cfg, ".")
    store = wasmtime.Store()
    store.set_wasi(cfg)
    print("ok")
