"""A plain (non-editable) install ships the trained model: built as a wheel, installed
into a fresh venv and imported from outside the checkout, German runs the CRF."""

import os
import shutil
import site
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import wortlaut, wortlaut.analyse as a
print(wortlaut.__file__)
print(a.model_dir())
print(a.tagger_name("de"))
"""


def test_pyproject_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert sorted(config["packages"]) == sorted(find_packages(str(ROOT / "src")) + ["wortlaut.models"])


def _run(*cmd: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=kw.pop("cwd", "/"), **kw)


def test_installed_wheel_finds_the_model_as_package_data(tmp_path):
    # nothing of the checkout on the path: not the tests' PYTHONPATH=src, not a model override
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WORTLAUT_MODEL")}
    # built from a copy, so the build leaves no build/ or egg-info in the checkout;
    # build isolation fetches the setuptools pyproject.toml asks for (from the configured index)
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source), env=env)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip().splitlines()[-1:]}")
    (wheel,) = (tmp_path / "dist").glob("wortlaut-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), check=True)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel), env=env, check=True)
    # the dependencies come from this interpreter's site-packages, read after the venv's own
    purelib = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", env=env).stdout.strip())
    (purelib / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")

    checked = _run(str(python), "-c", CHECK, cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stderr
    package, model, tagger = checked.stdout.split("\n")[:3]
    assert Path(package).is_relative_to(venv) and Path(model).is_relative_to(venv)
    assert (Path(model) / "quotes.crfsuite").exists()
    assert tagger == "crf", checked.stderr
