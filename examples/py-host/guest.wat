;; Reads /data/greeting.txt through WASI preview1, echoes it to stdout, tries to create
;; /data/out.txt (must fail: the preopen is read-only) and leaves the byte count and the errno of
;; that attempt in the shared memory it exports, for the host to read.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1 1 shared)
  (data (i32.const 64) "greeting.txt")
  (data (i32.const 96) "out.txt")
  (func (export "run") (result i32)
    (local $err i32)
    ;; path_open(preopen fd 3, "greeting.txt", no oflags, rights FD_READ) -> fd at 40
    (local.set $err (call $path_open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 12)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 40)))
    (if (local.get $err) (then (return (i32.sub (i32.const 0) (local.get $err)))))
    ;; one iovec at 16: 256 bytes at 1024; bytes read at 32
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const 256))
    (local.set $err (call $fd_read (i32.load (i32.const 40)) (i32.const 16) (i32.const 1) (i32.const 32)))
    (if (local.get $err) (then (return (i32.sub (i32.const 0) (local.get $err)))))
    (i32.store (i32.const 20) (i32.load (i32.const 32)))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 36)))
    ;; path_open("out.txt", O_CREAT, rights FD_WRITE): its errno goes to 4
    (i32.store (i32.const 4) (call $path_open (i32.const 3) (i32.const 0) (i32.const 96) (i32.const 7)
      (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 44)))
    (i32.store (i32.const 0) (i32.load (i32.const 32)))
    (i32.load (i32.const 32))))
