"""Fixtures for the Python package's tests: the repository's article files and the real
`parallax` binary, built by cargo when it is missing, to check the package against."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FERRY = REPO / "crates" / "parallax-cli" / "tests" / "ferry"
SAMPLES = REPO / "crates" / "parallax-library" / "samples"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `parallax` command line of this checkout (target/debug/parallax)."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "debug" / ("parallax.exe" if os.name == "nt" else "parallax")
    subprocess.run(
        ["cargo", "build", "--quiet", "-p", "parallax-cli", "--bin", "parallax"],
        cwd=REPO,
        check=True,
    )
    assert binary.is_file(), binary
    return binary


@pytest.fixture()
def run_cli(cli, tmp_path):
    """Runs `parallax ... --json` on a library of its own and returns the parsed document."""
    library = tmp_path / "cli-library.sqlite3"

    def run(*arguments, check=True):
        done = subprocess.run(
            [str(cli), "--library", str(library), *map(str, arguments), "--json"],
            capture_output=True,
            text=True,
        )
        if check:
            assert done.returncode == 0, done.stderr
            return json.loads(done.stdout)
        return done

    run.library = library
    return run


@pytest.fixture(scope="session")
def ferry_files():
    return sorted(FERRY.glob("*.md"))


@pytest.fixture(scope="session")
def sample_files():
    return sorted(SAMPLES.glob("*/*.md"))
