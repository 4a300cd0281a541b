"""Crash-safe writes: every file of a run is replaced, or none, even across `kill -9`.

Protocol (one run, one journal):

1. Lock and write the journal: one JSON line per file (path, sha256 of the old and the new
   content, the temp and backup names), fsynced before anything else is created. It lives in the
   git directory when the root is in a git repository (invisible to `git status`), else it is
   the one dot-file ``.wasm-codemod-journal.jsonl`` at the root, removed when the run ends.
2. Stage: the new content of each file goes to ``.NAME.RUN.wasm-codemod-new`` beside it, and the
   old content is kept as ``.NAME.RUN.wasm-codemod-old`` (a hard link: free, and a rename puts
   it back atomically). Everything is fsynced, then a ``staged`` line is appended to the journal.
3. Rename the temp files over their targets, Cargo.toml files last (a half-written crate then
   never looks upgraded to detection), fsync the directories, remove the backups and the journal.

The journal's flock is held for the whole write, so a live run is never mistaken for a dead one.
The next run that finds an unlocked journal recovers it before doing anything else:

- no ``staged`` line: nothing had been replaced yet; the temp files are removed (rolled back);
- ``staged`` and every file still at its old or new hash, each pending one with its staged new
  content: the renames are finished (completed);
- otherwise (a file changed since, a temp file lost, or a ``rollback`` line written by a run
  that was stopped by SIGTERM/SIGINT): every replaced file is put back from its backup.

SIGTERM and SIGINT during a write roll it back in-process and end the run with 128 + signal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, the journal still makes writes recoverable
    fcntl = None  # type: ignore[assignment]

JOURNAL = "wasm-codemod-journal.jsonl"  # in the git directory
DOT_JOURNAL = ".wasm-codemod-journal.jsonl"  # at the root, outside git
NEW_SUFFIX = ".wasm-codemod-new"
OLD_SUFFIX = ".wasm-codemod-old"
FORMAT = 1

# Test hooks for the crash tier (tests/test_crash.py): die at a chosen point of the protocol.
# WASM_CODEMOD_CRASH_AT = stage:K | staged | rename:K | renamed | cleanup:K (K files done);
# WASM_CODEMOD_CRASH_SIGNAL = KILL (default) | TERM | INT.
_CRASH_ENV = "WASM_CODEMOD_CRASH_AT"


class RefusedError(Exception):
    """The input cannot be processed safely; nothing was written."""


class Interrupted(BaseException):
    """SIGTERM/SIGINT arrived during a write (the write was rolled back), or during a phase run
    under `stop_signals_raise` (that phase says in ``after`` what is on disk)."""

    def __init__(self, signum: int, after: str = "") -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.after = after


@contextlib.contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Turn SIGTERM/SIGINT into Interrupted for a phase that undoes its own work on the way out
    (the default SIGTERM action would end the process before any `except` runs)."""
    def handle(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    saved: dict[int, object] = {}
    try:
        for s in (signal.SIGTERM, signal.SIGINT):
            saved[s] = signal.signal(s, handle)
    except ValueError:  # not the main thread: signals are not ours to handle
        pass
    try:
        yield
    finally:
        for s, h in saved.items():
            signal.signal(s, h)  # type: ignore[arg-type]


@dataclass
class Change:
    """What the writer needs of one file: its path and both contents."""

    path: Path
    old: bytes
    new: bytes
    last: bool = False  # renamed after every other file (manifests)


@dataclass
class Recovery:
    journal: Path
    action: str  # "completed" | "rolled back"
    reason: str
    files: int
    replaced_before: int  # files the interrupted run had already replaced
    problems: list[str] = field(default_factory=list)

    def message(self) -> str:
        head = (f"found the journal of an interrupted write ({self.journal}): {self.replaced_before} of "
                f"{self.files} file(s) had been replaced; {self.action} it: {self.reason}")
        return "; ".join([head, *self.problems])


@dataclass
class Pending:
    """A journal found without recovering it (--check, --dry-run)."""

    journal: Path
    live: bool  # another process holds it: a run is writing right now
    files: int = 0
    replaced: int = 0
    pid: int | None = None


# -- where the journal lives ------------------------------------------------------------


def git_dir(start: Path) -> Path | None:
    """The git directory of the repository holding ``start`` (no git process: git may not run)."""
    d = start if start.is_dir() else start.parent
    for p in [d, *d.parents]:
        dot = p / ".git"
        if dot.is_dir():
            return dot
        if dot.is_file():
            try:
                text = dot.read_text("utf-8").strip()
            except OSError:
                return None
            if text.startswith("gitdir:"):
                g = Path(text.split(":", 1)[1].strip())
                return g if g.is_absolute() else (p / g)
            return None
    return None


def journal_paths(root: Path) -> list[Path]:
    """Where a run on ``root`` keeps its journal, in order of preference (the git directory, else
    the root), then where an older run may have left one (dot-files in the parent directories)."""
    root = root.resolve()
    d = root if root.is_dir() else root.parent
    g = git_dir(d)
    own = ([g / JOURNAL] if g is not None else []) + [d / DOT_JOURNAL]
    return own + [p / DOT_JOURNAL for p in d.parents if (p / DOT_JOURNAL).exists()]


# -- reading a journal -----------------------------------------------------------------


@dataclass
class _Entry:
    path: Path
    old: str
    new: str
    tmp: Path
    backup: Path
    last: bool = False


@dataclass
class _Journal:
    header: dict
    entries: list[_Entry]
    staged: bool
    rollback: bool


def _read(path: Path) -> _Journal:
    header: dict = {}
    entries: list[_Entry] = []
    staged = rollback = False
    with open(path, "rb") as fh:
        for raw in fh:
            try:
                rec = json.loads(raw)
            except ValueError:
                break  # a torn last line: the write it announced never happened
            if not isinstance(rec, dict):
                break
            if "journal" in rec:
                header = rec
            elif "path" in rec:
                entries.append(_Entry(Path(rec["path"]), rec["old"], rec["new"], Path(rec["tmp"]),
                                      Path(rec["backup"]), bool(rec.get("last"))))
            elif rec.get("staged"):
                staged = True
            elif rec.get("rollback"):
                rollback = True
    return _Journal(header, entries, staged, rollback)


def _sha(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
                else hashlib.sha256(fh.read()).hexdigest()
    except FileNotFoundError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- locking ---------------------------------------------------------------------------


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def _locked(path: Path, create: bool) -> Iterator[int | None]:
    """The journal at ``path``, opened and flocked; None when another process holds it.

    Loops until the locked file is still the one at ``path`` (it may be unlinked by its owner
    between our open and our lock)."""
    while True:
        flags = os.O_RDWR | (os.O_CREAT if create else 0)
        try:
            fd = os.open(path, flags, 0o644)
        except FileNotFoundError:
            if create:
                raise
            yield None
            return
        if not _try_lock(fd):
            os.close(fd)
            yield None
            return
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            if not create:
                yield None
                return
            continue
        try:
            yield fd
        finally:
            os.close(fd)
        return


def _busy(path: Path) -> bool:
    """True when a live process holds the journal at ``path``."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        if fcntl is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        return False
    finally:
        os.close(fd)


# -- looking and recovering -------------------------------------------------------------


def pending(root: Path) -> list[Pending]:
    """Journals of interrupted (or running) writes that concern ``root``, without touching them."""
    out = []
    for j in journal_paths(root):
        if not j.exists():
            continue
        live = _busy(j)
        if not live and j.stat().st_size == 0:
            continue
        p = Pending(j, live)
        with contextlib.suppress(OSError, ValueError, KeyError):
            jr = _read(j)
            p.files = len(jr.entries)
            p.replaced = sum(1 for e in jr.entries if _sha(e.path) == e.new)
            p.pid = jr.header.get("pid")
        out.append(p)
    return out


def recover(root: Path) -> list[Recovery]:
    """Complete or roll back every interrupted write that concerns ``root``.

    Raises RefusedError when another run is writing right now."""
    done = []
    for j in journal_paths(root):
        if not j.exists():
            continue
        with _locked(j, create=False) as fd:
            if fd is None:
                if j.exists():
                    raise RefusedError(f"another wasm-codemod run is writing here now (journal {j}); "
                                       "run again when it has finished; nothing was written")
                continue
            rec = _recover_locked(j, fd)
        if rec is not None:
            done.append(rec)
    return done


def _recover_locked(j: Path, fd: int) -> Recovery | None:
    jr = _read(j)
    if not jr.entries and not jr.staged:
        _unlink_journal(j, fd)
        return None
    state = {e.path: _sha(e.path) for e in jr.entries}
    replaced = sum(1 for e in jr.entries if state[e.path] == e.new and e.new != e.old)
    foreign = [e for e in jr.entries if state[e.path] not in (e.old, e.new)]
    lost = [e for e in jr.entries if state[e.path] == e.old and e.old != e.new and _sha(e.tmp) != e.new]
    problems: list[str] = []
    if jr.staged and not jr.rollback and not foreign and not lost:
        action = "completed"
        reason = ("every new file had been staged and synced before the first rename, so the remaining "
                  "renames were done" if replaced < len(jr.entries) else
                  "every file had already been replaced; only leftovers were removed")
        for e in _rename_order(jr.entries):
            if state[e.path] == e.old and e.old != e.new:
                os.replace(e.tmp, e.path)
    else:
        action = "rolled back"
        if jr.rollback:
            reason = "the run had been stopped by a signal and was restoring the files"
        elif not jr.staged:
            reason = "it stopped while staging, before any file was replaced"
        elif foreign:
            reason = "some files changed after the interruption, so it could not be finished"
        else:
            reason = "a staged file was missing, so it could not be finished"
        for e in jr.entries:
            if state[e.path] == e.new and e.new != e.old:
                if _sha(e.backup) == e.old:
                    os.replace(e.backup, e.path)
                else:
                    problems.append(f"{e.path}: could not be restored (its backup is gone); it has the new content")
    for e in foreign:
        problems.append(f"{e.path}: changed since the interrupted run; left as it is")
        if _sha(e.backup) == e.old:
            problems.append(f"its content before that run is kept in {e.backup}")
    keep = {e.backup for e in foreign}
    _fsync_dirs({e.path.parent for e in jr.entries})
    for e in jr.entries:
        e.tmp.unlink(missing_ok=True)
        if e.backup not in keep:
            e.backup.unlink(missing_ok=True)
    _fsync_dirs({e.path.parent for e in jr.entries})
    _unlink_journal(j, fd)
    return Recovery(j, action, reason, len(jr.entries), replaced, problems)


def _unlink_journal(j: Path, fd: int) -> None:
    # emptied first: should the unlink not reach the disk, an empty journal means "nothing to do"
    os.ftruncate(fd, 0)
    os.fsync(fd)
    j.unlink(missing_ok=True)
    _fsync_dirs({j.parent})


# -- writing ---------------------------------------------------------------------------


def _rename_order(entries: list[_Entry]) -> list[_Entry]:
    return [e for e in entries if not e.last] + [e for e in entries if e.last]


def _fsync_dirs(dirs: set[Path]) -> None:
    for d in sorted(dirs):
        try:
            fd = os.open(d, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass  # some file systems cannot sync a directory
        finally:
            os.close(fd)


def _crash_point(phase: str, k: int | None = None) -> None:
    want = os.environ.get(_CRASH_ENV)
    if not want:
        return
    here = phase if k is None else f"{phase}:{k}"
    if want != here:
        return
    sig = getattr(signal, "SIG" + os.environ.get("WASM_CODEMOD_CRASH_SIGNAL", "KILL"))
    os.kill(os.getpid(), sig)
    time.sleep(5)  # a caught signal is handled at the next bytecode; SIGKILL never returns


class _Signals:
    """SIGTERM/SIGINT during a write: raise Interrupted while the write can still be undone,
    hold them back while it is being undone or cleaned up, send them again at the end."""

    def __init__(self) -> None:
        self.defer = False
        self.held: list[int] = []
        self.saved: dict[int, object] = {}

    def __enter__(self) -> _Signals:
        try:
            for s in (signal.SIGTERM, signal.SIGINT):
                self.saved[s] = signal.signal(s, self._handle)
        except ValueError:  # not the main thread: signals are not ours to handle
            pass
        return self

    def _handle(self, signum: int, _frame: object) -> None:
        if self.defer:
            self.held.append(signum)
            return
        raise Interrupted(signum)

    def __exit__(self, exc_type: object, *_: object) -> None:
        for s, h in self.saved.items():
            signal.signal(s, h)  # type: ignore[arg-type]
        if exc_type is None:
            for s in dict.fromkeys(self.held):
                os.kill(os.getpid(), s)  # the write is whole; now the signal does what it always does


def write_files(changes: list[Change], root: Path, allow_readonly: bool = False,
                before_rename: Callable[[], None] | None = None) -> list[Recovery]:
    """Replace every file of ``changes`` or none. Returns the recoveries of dead journals found in
    the journal's place. ``before_rename`` runs once everything is staged (an error there rolls
    back: nothing was replaced)."""
    if not changes:
        return []
    for ch in changes:
        try:
            st = ch.path.stat()
        except OSError as exc:
            raise RefusedError(f"{ch.path}: cannot read it ({exc.strerror}); nothing was written") from exc
        if not allow_readonly and not st.st_mode & 0o222:
            raise RefusedError(f"{ch.path}: the file is read-only; make it writable (chmod u+w) or pass --force "
                               "to replace it anyway; nothing was written")
    run = f"{os.getpid()}-{secrets.token_hex(4)}"
    ordered = [c for c in changes if not c.last] + [c for c in changes if c.last]
    entries = [_Entry(c.path, _digest(c.old), _digest(c.new), c.path.with_name(f".{c.path.name}.{run}{NEW_SUFFIX}"),
                      c.path.with_name(f".{c.path.name}.{run}{OLD_SUFFIX}"), c.last) for c in ordered]
    recoveries: list[Recovery] = []
    candidates = journal_paths(root)[:2]
    for attempt in range(4):
        jpath = candidates[0]
        try:
            cm = _locked(jpath, create=True)
            fd = cm.__enter__()
        except OSError as exc:
            if len(candidates) > 1:  # e.g. a read-only .git: the dot-file at the root will do
                candidates.pop(0)
                continue
            raise RefusedError(f"cannot create the write journal {jpath}: {exc.strerror}; "
                               "nothing was written") from exc
        try:
            if fd is None:
                raise RefusedError(f"another wasm-codemod run is writing here now (journal {jpath}); run again "
                                   "when it has finished; nothing was written")
            if os.fstat(fd).st_size:  # a dead run's journal in our place: recover it, then start afresh
                rec = _recover_locked(jpath, fd)
                if rec is not None:
                    recoveries.append(rec)
                if attempt < 3:
                    continue
                raise RefusedError(f"{jpath}: keeps coming back; nothing was written")
            with _Signals() as sig:
                _write_locked(jpath, fd, ordered, entries, before_rename, sig)
            return recoveries
        finally:
            cm.__exit__(None, None, None)
    raise RefusedError(f"cannot create the write journal {candidates[0]}; nothing was written")


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _append(fd: int, rec: dict) -> None:
    _write_fd(fd, (json.dumps(rec) + "\n").encode())
    os.fsync(fd)


def _write_locked(jpath: Path, fd: int, changes: list[Change], entries: list[_Entry],
                  before_rename: Callable[[], None] | None, sig: _Signals) -> None:
    header = {"journal": FORMAT, "pid": os.getpid(), "started": time.time()}
    lines = [json.dumps(header)] + [json.dumps({"path": str(e.path), "old": e.old, "new": e.new, "tmp": str(e.tmp),
                                                "backup": str(e.backup), "last": e.last}) for e in entries]
    dirs = {e.path.parent for e in entries}
    replaced: list[_Entry] = []
    try:
        # inside the try: a signal from here on leaves no temp file and no journal behind
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        _write_fd(fd, ("\n".join(lines) + "\n").encode())
        os.fsync(fd)
        _fsync_dirs({jpath.parent})
        for k, (ch, e) in enumerate(zip(changes, entries, strict=True)):
            _stage(ch, e)
            _crash_point("stage", k + 1)
        _fsync_dirs(dirs)
        if before_rename is not None:
            before_rename()
        _append(fd, {"staged": True})
        _crash_point("staged")
        for k, e in enumerate(entries):
            os.replace(e.tmp, e.path)
            replaced.append(e)
            _crash_point("rename", k + 1)
        _fsync_dirs(dirs)
        _crash_point("renamed")
    except BaseException:
        sig.defer = True
        _append(fd, {"rollback": True})
        for e in reversed(replaced):
            os.replace(e.backup, e.path)
        for e in entries:
            e.tmp.unlink(missing_ok=True)
            e.backup.unlink(missing_ok=True)
        _fsync_dirs(dirs)
        _unlink_journal(jpath, fd)
        raise
    sig.defer = True  # the write is done: a late signal must not undo it halfway
    for k, e in enumerate(entries):
        e.backup.unlink(missing_ok=True)
        _crash_point("cleanup", k + 1)
    _unlink_journal(jpath, fd)


def _stage(ch: Change, e: _Entry) -> None:
    try:
        current = ch.path.read_bytes()
    except OSError as exc:
        raise RefusedError(f"{ch.path}: cannot read it ({exc.strerror}); nothing was written") from exc
    if current != ch.old:
        raise RefusedError(f"{ch.path}: changed on disk during the run; nothing was written")
    st = ch.path.stat()
    fd = os.open(e.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write_fd(fd, ch.new)
        os.fchmod(fd, st.st_mode & 0o7777)
        if hasattr(os, "fchown") and os.geteuid() == 0 and (st.st_uid, st.st_gid) != (0, 0):
            with contextlib.suppress(OSError):
                os.fchown(fd, st.st_uid, st.st_gid)  # root writing someone's tree keeps the owner
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(ch.path, e.backup, follow_symlinks=False)
    except OSError:  # no hard links here: a copy does the same job
        bfd = os.open(e.backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            _write_fd(bfd, ch.old)
            os.fchmod(bfd, st.st_mode & 0o7777)
            os.fsync(bfd)
        finally:
            os.close(bfd)


# -- output files (--report, --diff-file) ----------------------------------------------


def check_output(path: Path) -> str | None:
    """Why ``path`` cannot take an output file, found before the run changes anything (None: it can)."""
    if path.is_dir():
        return "is a directory"
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return f"directory {parent} does not exist"
    if path.exists() and not path.is_file():
        try:  # a device or a pipe (/dev/stdout): written in place; a pipe nobody reads fails, not hangs
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK))
        except OSError as exc:
            return f"cannot write it ({exc.strerror})"
        return None
    # a real write test: access() says yes to root on read-only mounts and in /proc
    probe = parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(3)}.wasm-codemod-probe"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        return f"cannot create files in {parent} ({exc.strerror})"
    probe.unlink(missing_ok=True)
    if path.exists() and not os.access(path, os.W_OK):
        return "is not writable"
    return None


def write_output(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically (a temp file beside it, then a rename); devices and pipes in place."""
    if path.exists() and not path.is_file():
        with open(path, "wb") as fh:
            fh.write(data)
        return
    target = Path(os.path.realpath(path))  # through a symlink: replace what it points at, keep the link
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(3)}{NEW_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _write_fd(fd, data)
            if target.exists():
                os.fchmod(fd, target.stat().st_mode & 0o7777)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
