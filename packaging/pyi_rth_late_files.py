"""Runtime hook of the single file: unpacks the libraries the first paint does not need after
the app has started, instead of before.

A single file's bootloader unpacks every file of its bundle before Python starts (~5 ms per MiB
here), and the app's first paint needs only Python and Qt. numpy, pandas, lxml and the files of
pyqtgraph and python-pptx (~65 MiB unpacked) are therefore bundled as one archive of their own
(packaging/late_files.py writes it, and says which package goes when):

- numpy, pandas and pyqtgraph are unpacked on a thread that this hook starts, beside the app's
  start, in that order; the thread ends with them.
- lxml and python-pptx (a deck export) are unpacked by their first import, in the thread
  that imports them.

An import finder placed ahead of every other holds an import of one of those packages until
its files are in place, so nothing fails for being early: an import that comes before the
thread is past its package waits for it. If the unpacking fails (a full disk), such an import
raises ImportError saying what failed and where.

The thread imports nothing. Python holds its import lock while a finder looks for a module, so
an import on the thread while the main thread waits in the finder would never return; the
archive is therefore read with builtins only (``open``, ``zlib``, ``marshal``, ``os``), which is
also why it is not a zip file (``import zipfile`` alone would cost the start ~9 ms).

Memory: files are decompressed 64 KiB and written 8 KiB at a time. Whole, the biggest file
(24 MiB) would raise the app's peak memory by as much; written in bigger pieces, the page cache
holds the libraries in bigger pieces, and the app's memory counts more of each library it maps
(+0.9 MiB with 64 KiB writes). The thread ends before the app's data loads: a thread still
running then would keep the loading thread from reusing its malloc arena (+0.5 MiB measured).

The archive: MAGIC, 8 bytes of index length (little-endian), the index (``marshal``: a dict
whose ``packages`` lists (import name, unpacked at start?, files) in the order they are
unpacked, each file as (relative path, offset after the index, compressed length, length,
CRC-32, mode)), then each file zlib-compressed.

PyInstaller runs this file before the app's own code (``runtime_hooks`` in
packaging/bri-facts.spec); a build without the archive (the folder build) is left alone. Tests
import it and call :func:`install` on an archive of their own."""

import _thread
import marshal
import os
import sys
import zlib

ARCHIVE = "late-files.bin"
MAGIC = b"BRILATE1"
CHUNK = 64 * 1024  # compressed bytes read, and at most decompressed, at a time
WRITE = 8 * 1024  # bytes written at a time


def read_index(path):
    """(index dict, offset of the first file) of the archive at ``path``; ValueError if it is
    not one."""
    with open(path, "rb") as f:
        head = f.read(len(MAGIC) + 8)
        if len(head) != len(MAGIC) + 8 or not head.startswith(MAGIC):
            raise ValueError(f"{path} is not an archive of late files")
        size = int.from_bytes(head[len(MAGIC):], "little")
        index = marshal.loads(f.read(size))
    return index, len(head) + size


def _write(out, data):
    view = memoryview(data)
    for at in range(0, len(view), WRITE):
        out.write(view[at:at + WRITE])


def _inflate(src, clen, out):
    """Decompress ``clen`` bytes of ``src`` into ``out``, a piece at a time. Returns (length,
    CRC-32) of what was written."""
    inflate = zlib.decompressobj()
    left, size, crc, pending = clen, 0, 0, b""
    while pending or left:
        if not pending:
            pending = src.read(min(CHUNK, left))
            if not pending:
                raise ValueError("the archive is cut short")
            left -= len(pending)
        data = inflate.decompress(pending, CHUNK)
        pending = inflate.unconsumed_tail
        _write(out, data)
        size, crc = size + len(data), zlib.crc32(data, crc)
    data = inflate.flush()
    _write(out, data)
    if not inflate.eof:
        raise ValueError("the archive is damaged (a file ends early)")
    return size + len(data), zlib.crc32(data, crc)


class LateFiles:
    """The archive's packages, the thread that unpacks the first ones, and the import finder
    that holds an import until its package is in place."""

    def __init__(self, archive, target):
        self.archive = archive
        self.target = target
        index, self.first = read_index(archive)
        self.packages = {name: files for name, _at_start, files in index["packages"]}
        self.at_start = [name for name, at_start, _files in index["packages"] if at_start]
        self.unpacked = set()  # the packages whose files are all in place
        self.errors = {}  # package → what went wrong
        # package → a lock held while it is being unpacked: by the thread from the start for
        # the packages it unpacks, by the importing thread for the others
        self._locks = {name: _thread.allocate_lock() for name in self.packages}
        for name in self.at_start:
            self._locks[name].acquire()

    def _unpack(self, name, f):
        """Write the files of package ``name`` from the open archive ``f``; on failure, note
        why in ``errors``."""
        current = None
        try:
            for relpath, offset, clen, size, crc, mode in self.packages[name]:
                current = relpath
                f.seek(self.first + offset)
                path = os.path.join(self.target, *relpath.split("/"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as out:
                    written = _inflate(f, clen, out)
                if written != (size, crc):
                    raise ValueError("the archive is damaged (a check sum does not match)")
                os.chmod(path, mode)
            self.unpacked.add(name)
        except Exception as exc:  # noqa: BLE001 - reported by every import of the package
            self.errors[name] = f"{current or self.archive}: {exc}"

    # ------------------------------------------------------------ the thread
    def _unpack_at_start(self):
        pending = list(self.at_start)
        try:
            with open(self.archive, "rb") as f:
                while pending:
                    self._unpack(pending[0], f)
                    self._locks[pending.pop(0)].release()
        except Exception as exc:  # noqa: BLE001 - the archive cannot be read
            for name in pending:
                self.errors.setdefault(name, f"{self.archive}: {exc}")
        finally:
            for name in pending:
                self._locks[name].release()

    def start(self):
        if self.at_start:
            _thread.start_new_thread(self._unpack_at_start, ())

    # ------------------------------------------------------------ the finder
    def ready(self, package):
        """Wait for ``package`` to be in place, unpacking it here if it is not one the thread
        unpacks. True if its files are in place."""
        with self._locks[package]:
            if package not in self.unpacked and package not in self.errors:
                try:
                    with open(self.archive, "rb") as f:
                        self._unpack(package, f)
                except OSError as exc:
                    self.errors[package] = f"{self.archive}: {exc}"
        # the import system lists a folder once and reads it again when its time stamp
        # changes: folders filled meanwhile are read afresh
        for finder in list(sys.path_importer_cache.values()):
            if type(finder).__name__ == "FileFinder":
                finder.invalidate_caches()
        return package in self.unpacked

    def find_spec(self, fullname, path=None, target=None):
        package = fullname.partition(".")[0]
        if package in self.unpacked or package not in self.packages:
            return None
        if not self.ready(package):
            raise ImportError(f"{fullname} cannot be loaded: unpacking the program's libraries "
                              f"into {self.target} failed ({self.errors[package]})", name=fullname)
        return None  # the files are in place: the usual finders take it from here


def install(archive, target):
    """Put a :class:`LateFiles` for ``archive`` first in sys.meta_path and start its thread,
    which unpacks into ``target``. Returns it (tests take it out of sys.meta_path again)."""
    late = LateFiles(archive, target)
    sys.meta_path.insert(0, late)
    late.start()
    return late


def _frozen_start():
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base and os.path.isfile(os.path.join(base, ARCHIVE)):
        install(os.path.join(base, ARCHIVE), base)


_frozen_start()
