import wasmtime
import wasmtime as w
from wasmtime import DirPerms as DP, FilePerms as FP


def configure(wasi: w.WasiConfig, root: str) -> None:
    wasi.preopen_dir(root, "/", w.DirPerms.READ_ONLY, w.FilePerms.READ_ONLY)
    wasi.preopen_dir(
        root,
        "/scratch",
        wasmtime.DirPerms.READ_WRITE,
        wasmtime.FilePerms.READ_WRITE,
    )
    wasi.preopen_dir(
        root,
        "/assets",
        DP.READ_ONLY,
        FP.READ_ONLY,
    )


if __name__ == "__main__":
    cfg = wasmtime.WasiConfig()
    configure(cfg, ".")
    store = wasmtime.Store()
    store.set_wasi(cfg)
    print("ok")
