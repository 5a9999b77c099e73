"""The single file's late files (packaging/late_files.py, packaging/pyi_rth_late_files.py),
without building: which files go into the archive, and that an import of one of its packages
finds its files in place, waits while they are being unpacked, is unpacked by its first import
when it is not one the start unpacks, and fails with a message that says what and where when the
archive is damaged or the folder cannot be written. The frozen single file itself is tested by
`make smoke` (its self-test draws charts: numpy and pyqtgraph; its deck export: lxml and
python-pptx)."""

from __future__ import annotations

import _imp
import importlib
import os
import sys
import threading
import zlib
from pathlib import Path

import pytest

from test_packaging import PACKAGING, load

runtime = load("pyi_rth_late_files")
sys.path.insert(0, str(PACKAGING))  # late_files imports the runtime hook by its name
try:
    late_files = load("late_files")
finally:
    sys.path.remove(str(PACKAGING))

WAIT_S = 30  # only ever reached when something is wrong


def _package(root: Path, name: str, files: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """Files of a package under ``root`` as PyInstaller TOC entries."""
    toc = []
    for rel, data in files.items():
        path = root / name / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        toc.append((f"{name}/{rel}", str(path), "DATA"))
    return toc


# bigger than a piece the hook decompresses at a time, and hardly compressible
BLOB = os.urandom(3 * runtime.CHUNK + 12345)


@pytest.fixture
def archive(tmp_path):
    """An archive of two packages: bri_late_a unpacked at the start, bri_late_b by its first
    import; and the folder it unpacks into, on sys.path."""
    src = tmp_path / "src"
    toc = _package(src, "bri_late_a", {"__init__.py": b"from bri_late_a.sub import VALUE\n",
                                       "sub/__init__.py": b"VALUE = 42\n", "blob.bin": BLOB})
    toc += _package(src, "bri_late_b", {"__init__.py": b"NAME = 'b'\n"})
    packages = {"bri_late_a": ("bri_late_a",), "bri_late_b": ("bri_late_b",)}
    path = tmp_path / runtime.ARCHIVE
    summary = late_files.write_archive(toc, path, packages=packages, at_start=("bri_late_a",))
    assert summary["files"] == 4 and summary["size"] == len(BLOB) + 55
    target = tmp_path / "unpacked"
    target.mkdir()
    sys.path.insert(0, str(target))
    yield path, target
    sys.path.remove(str(target))
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, runtime.LateFiles)]
    for name in [m for m in sys.modules if m.startswith("bri_late_")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _started(archive_path: Path, target: Path, hold: threading.Event | None = None):
    """install(), with the start's thread held at its first file until ``hold`` is set."""
    if hold is None:
        return runtime.install(str(archive_path), str(target))
    late = runtime.LateFiles(str(archive_path), str(target))
    unpack = late._unpack

    def held(name, f):
        assert hold.wait(WAIT_S)
        unpack(name, f)
    late._unpack = held
    sys.meta_path.insert(0, late)
    late.start()
    return late


# ------------------------------------------------------------------------------ what goes late

def test_numpy_pandas_and_the_libraries_of_charts_and_decks_go_late_and_qt_stays():
    toc = [("numpy/_core/_multiarray_umath.so", "/x/a", "EXTENSION"),
           ("numpy.libs/libscipy_openblas64_.so", "/x/b", "BINARY"),
           ("pandas/_libs/hashtable.so", "/x/c", "EXTENSION"),
           ("pyqtgraph/icons/auto.png", "/x/d", "DATA"),
           ("lxml/etree.so", "/x/e", "EXTENSION"),
           ("pptx/templates/default.pptx", "/x/f", "DATA"),
           ("numpy.libs/libgfortran.so", "libgfortran.so.5", "SYMLINK"),
           ("PySide6/Qt/lib/libQt6Core.so.6", "/x/g", "BINARY"),
           ("resources/fonts/NotoSansSC-Regular-Subset.otf", "/x/h", "DATA"),
           ("numpyish/x.so", "/x/i", "BINARY")]
    kept, late = late_files.split(toc)
    assert [e[0].split("/")[0] for e in late] == ["numpy", "numpy.libs", "pandas", "pyqtgraph",
                                                  "lxml", "pptx"]
    assert [e[0] for e in kept] == ["numpy.libs/libgfortran.so", "PySide6/Qt/lib/libQt6Core.so.6",
                                    "resources/fonts/NotoSansSC-Regular-Subset.otf", "numpyish/x.so"]
    assert list(late_files.AT_START) == ["numpy", "pandas", "pyqtgraph"]
    assert set(late_files.ON_DEMAND) == {"lxml", "pptx"}


def test_the_archive_lists_its_packages_in_the_order_they_are_unpacked(archive):
    path, _target = archive
    index, first = runtime.read_index(str(path))
    assert [(name, at_start) for name, at_start, _files in index["packages"]] == [
        ("bri_late_a", True), ("bri_late_b", False)]
    relpath, offset, clen, size, crc, _mode = index["packages"][0][2][0]
    data = zlib.decompress(path.read_bytes()[first + offset:first + offset + clen])
    assert relpath == "bri_late_a/__init__.py" and len(data) == size and zlib.crc32(data) == crc
    with pytest.raises(ValueError, match="not an archive"):
        runtime.read_index(str(PACKAGING / "late_files.py"))


def test_only_the_single_file_gets_the_runtime_hook():
    spec = (PACKAGING / "bri-facts.spec").read_text(encoding="utf-8")
    assert 'runtime_hooks=[] if noarchive else [str(REPO / "packaging" / "pyi_rth_late_files.py")]' in spec
    assert "late_files.write_archive(" in spec and "a_dir = analysis(noarchive=True)" in spec


# ------------------------------------------------------------------------------ at run time

def test_the_start_unpacks_its_packages_and_an_import_finds_them(archive):
    path, target = archive
    late = _started(path, target)
    module = importlib.import_module("bri_late_a")
    assert module.VALUE == 42 and module.__file__ == str(target / "bri_late_a" / "__init__.py")
    assert (target / "bri_late_a" / "blob.bin").read_bytes() == BLOB
    assert os.stat(target / "bri_late_a" / "blob.bin").st_mode & 0o600 == 0o600
    assert late.unpacked == {"bri_late_a"}  # bri_late_b waits for its first import
    assert not (target / "bri_late_b").exists()


def test_a_package_not_unpacked_at_the_start_is_unpacked_by_its_first_import(archive):
    path, target = archive
    late = _started(path, target)
    assert importlib.import_module("bri_late_b").NAME == "b"
    assert late.unpacked >= {"bri_late_b"} and (target / "bri_late_b" / "__init__.py").is_file()
    assert importlib.import_module("json")  # other modules pass by


def test_an_import_before_its_files_are_in_place_waits_for_them(archive):
    path, target = archive
    hold = threading.Event()
    late = _started(path, target, hold)
    entered = threading.Event()
    ready = late.ready

    def watched(package):
        entered.set()
        return ready(package)
    late.ready = watched
    result = {}

    def importer():
        try:
            result["value"] = importlib.import_module("bri_late_a").VALUE
        except Exception as exc:  # noqa: BLE001 - reported below
            result["error"] = exc
    thread = threading.Thread(target=importer)
    thread.start()
    assert entered.wait(WAIT_S)  # the import is in the finder, and the files are not there yet
    assert thread.is_alive() and not (target / "bri_late_a").exists() and not result
    hold.set()
    thread.join(WAIT_S)
    assert result == {"value": 42}


def test_the_unpacking_thread_imports_nothing(archive):
    """While a thread waits in the finder it holds Python's import lock: the unpacking thread
    must get its work done without taking that lock."""
    path, target = archive
    _imp.acquire_lock()
    try:
        late = _started(path, target)
        lock = late._locks["bri_late_a"]
        assert lock.acquire(timeout=WAIT_S), "the unpacking thread is stuck"
        lock.release()
    finally:
        _imp.release_lock()
    assert late.unpacked == {"bri_late_a"} and not late.errors


def test_a_damaged_archive_fails_the_import_saying_what_and_where(archive):
    path, target = archive
    data = bytearray(path.read_bytes())
    index, first = runtime.read_index(str(path))
    blob = next(f for f in index["packages"][0][2] if f[0] == "bri_late_a/blob.bin")
    data[first + blob[1] + blob[2] // 2] ^= 0xFF  # a byte in the middle of the blob's data
    path.write_bytes(bytes(data))
    _started(path, target)
    with pytest.raises(ImportError) as failed:
        importlib.import_module("bri_late_a")
    message = str(failed.value)
    assert "bri_late_a/blob.bin" in message and str(target) in message
    assert "bri_late_a cannot be loaded" in message
    assert importlib.import_module("bri_late_b").NAME == "b"  # its files are whole


def test_a_folder_that_cannot_be_written_fails_the_import_saying_where(archive, tmp_path):
    path, _target = archive
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    _started(path, blocked)
    with pytest.raises(ImportError, match="unpacking the program's libraries into .*blocked"):
        importlib.import_module("bri_late_a")
    with pytest.raises(ImportError, match="bri_late_b cannot be loaded"):
        importlib.import_module("bri_late_b")
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"
