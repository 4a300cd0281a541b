from wasmtime import DirPerms, FilePerms, WasiConfig

DEFAULT_DIR = DirPerms.READ_ONLY


def uploads(wasi: WasiConfig, writable: bool) -> None:
    wasi.preopen_dir("up", "/up", DirPerms.READ_ONLY, FilePerms.READ_WRITE)
    fp = FilePerms.READ_WRITE if writable else FilePerms.READ_ONLY
    wasi.preopen_dir("in", "/in", DEFAULT_DIR, fp)
    wasi.preopen_dir("out", "/out", DirPerms.WRITE_ONLY, FilePerms.WRITE_ONLY)
