"""tools/condaenv.py: the pieces of the checker's real environments that need no solver: the
file `conda env export` writes, a pip wheel, the snapshot that proves nothing changed, and a
missing interpreter named. (The environments themselves are used, and so proven, by the
exercise's tests, exercises/practice_env/tests/.)"""

import json
import zipfile

import pytest

from tools.condaenv import build_wheel, export_env, find_python, snapshot


@pytest.fixture
def prefix(tmp_path):
    """A prefix as conda leaves it: two conda records, and one package pip installed."""
    root = tmp_path / "env"
    (root / "conda-meta").mkdir(parents=True)
    for record in ("python-3.12.8-h0_0", "scikit-learn-1.6.1-pyh0_0"):
        (root / "conda-meta" / f"{record}.json").write_text(json.dumps({}), encoding="utf-8")
    for name, installer in [("tensorflow-2.18.0", "pip"), ("pandas-2.2.3", "conda")]:
        info = root / "lib/python3.12/site-packages" / f"{name}.dist-info"
        info.mkdir(parents=True)
        (info / "INSTALLER").write_text(f"{installer}\n", encoding="utf-8")
    return root


def test_the_export_lists_conda_packages_then_pip_s(prefix, tmp_path):
    text = export_env(prefix, tmp_path / "environment.yml").read_text(encoding="utf-8")
    assert text == ("name: practice_env\nchannels:\n  - conda-forge\ndependencies:\n"
                    "  - python=3.12.8\n  - scikit-learn=1.6.1\n  - pip:\n      - tensorflow==2.18.0\n")


def test_the_export_with_builds_and_the_prefix_line(prefix, tmp_path):
    text = export_env(prefix, tmp_path / "e.yml", name="other", builds=True, prefix_line=True).read_text()
    assert text.splitlines()[0] == "name: other"
    assert "  - scikit-learn=1.6.1=pyh0_0" in text.splitlines()
    assert text.splitlines()[-1] == f"prefix: {prefix}"


def test_the_wheel_holds_a_module_that_knows_its_version(tmp_path):
    wheel = build_wheel(tmp_path, "scikit-learn", "1.6.1", module="sklearn")
    assert wheel.name == "scikit_learn-1.6.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("sklearn/__init__.py").decode() == "__version__ = '1.6.1'\n"
        assert "Name: scikit-learn\nVersion: 1.6.1" in archive.read("scikit_learn-1.6.1.dist-info/METADATA").decode()


def test_a_snapshot_sees_a_file_changed_or_added(tmp_path):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    before = snapshot(tmp_path)
    assert snapshot(tmp_path) == before
    (tmp_path / "a.txt").write_text("b", encoding="utf-8")
    assert snapshot(tmp_path) != before
    before = snapshot(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty").touch()
    assert snapshot(tmp_path) != before


def test_a_missing_interpreter_is_named_with_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    with pytest.raises(LookupError, match=r"no Python 3\.8 on this machine .* pyenv install 3\.8"):
        find_python("3.8")
