import enum

import wasmtime


class DirPerms(enum.Flag):
    READ_ONLY = 1
    READ_WRITE = 3


class FilePerms(enum.Flag):
    READ_ONLY = 1
    READ_WRITE = 3


class MountTable:
    """The project's own mount table: same names as the old wasmtime enums, not wasmtime's."""

    def __init__(self) -> None:
        self.mounts: list[tuple[str, str, DirPerms, FilePerms]] = []

    def preopen_dir(self, host: str, guest: str, dir_perms: DirPerms, file_perms: FilePerms) -> None:
        self.mounts.append((host, guest, dir_perms, file_perms))


def build(table: MountTable) -> wasmtime.WasiConfig:
    table.preopen_dir(".", "/etc", DirPerms.READ_ONLY, FilePerms.READ_ONLY)
    wasi = wasmtime.WasiConfig()
    wasi.preopen_dir(".", "/etc", wasmtime.DirPerms.READ_ONLY, wasmtime.FilePerms.READ_ONLY)
    return wasi


if __name__ == "__main__":
    t = MountTable()
    build(t)
    assert t.mounts == [(".", "/etc", DirPerms.READ_ONLY, FilePerms.READ_ONLY)]
    print("ok")
