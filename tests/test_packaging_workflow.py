"""The release workflow (.github/workflows/release.yml) passes actionlint, and it builds, tests
and ships what docs/packaging.md says: four runners, the same spec and the same smoke test as
`make smoke`, signing steps that skip themselves without secrets, a draft release on a tag.

actionlint comes with the test extras (pyproject.toml); the test fails, never skips, without it.
It runs shellcheck on the `run:` scripts when shellcheck is installed, as .ci/run makes sure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def actionlint() -> str:
    here = Path(sys.executable).parent  # the venv's bin/ (Scripts\ on Windows)
    found = shutil.which("actionlint", path=str(here)) or shutil.which("actionlint")
    assert found, "actionlint is not installed: `pip install -e '.[test]'` brings it (make test does)"
    return found


def test_the_workflow_passes_actionlint():
    if os.environ.get("CI") == "true":
        assert shutil.which("shellcheck"), "CI checks the run: scripts too: .ci/run installs shellcheck"
    result = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_find_mistakes(tmp_path):
    """So that a pass above means something: a typo in a matrix key fails."""
    broken = tmp_path / ".github" / "workflows" / "release.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("matrix.platform }}", "matrix.platfrom }}"),
                      encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "platfrom" in result.stdout


def workflow() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def test_the_matrix_builds_windows_both_macs_and_the_oldest_ubuntu():
    runners = re.findall(r"^\s+os: (\S+)$", workflow(), re.M)
    assert runners == ["windows-latest", "macos-latest", "macos-15-intel", "ubuntu-22.04"]


def test_the_workflow_builds_with_the_spec_and_smoke_tests_like_make_smoke():
    text = workflow()
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller " \
           "packaging/bri-facts.spec" in text
    assert "python packaging/make_dist.py\n" in text and "packaging/make_dist.py" in makefile
    assert "python packaging/smoke_test.py --release dist/release" in text
    assert "packaging/smoke_test.py --release dist/release" in makefile
    assert "python packaging/check_glibc.py" in text and "packaging/check_glibc.py" in makefile


def test_installs_are_pinned():
    text = workflow()
    assert "pip install --no-deps -r packaging/requirements-release.txt" in text
    assert "pip check" in text
    assert re.search(r'PYTHON_VERSION: "3\.\d+\.\d+"', text)
    for action in re.findall(r"uses: (\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action), action


def test_signing_steps_are_there_and_skip_without_secrets():
    text = workflow()
    assert "HAVE_WINDOWS_CERT: ${{ secrets.WINDOWS_CERT_PFX != '' }}" in text
    assert "if: runner.os == 'Windows' && env.HAVE_WINDOWS_CERT == 'true'" in text
    assert "signtool" in text
    assert 'codesign --force --deep --sign - "$app"' in text  # ad-hoc without a Developer ID
    assert "xcrun notarytool submit" in text and "xcrun stapler staple" in text
    assert "env.HAVE_NOTARY == 'true'" in text


def test_a_tag_makes_a_draft_release_of_every_artifact():
    text = workflow()
    assert "tags: [\"v*\"]" in text
    assert "if: startsWith(github.ref, 'refs/tags/v')" in text
    assert "gh release create \"$TAG\" release/* --draft" in text
    assert "contents: write" in text and "permissions:\n  contents: read" in text
    assert "actions/upload-artifact@" in text and "if-no-files-found: error" in text
