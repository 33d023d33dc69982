"""Real conda environments for the checker's tests and its benchmark, without conda.

rattler-build assembles `.conda` packages from folders, rattler indexes them as a local channel,
solves and installs them: the prefix gets genuine `conda-meta/*.json` records and a `history`,
exactly as `conda create` leaves them. The package named `python` is a venv skeleton (a
`pyvenv.cfg` whose `home` is one of the machine's interpreters, and `bin/python` links), so the
environment has a working interpreter with its own site-packages, of any version the machine has.

    channel = build_channel(folder)                      # once per test session: ~1 s
    make_env(prefix, ["flask=3.1", "pandas=2.2"], python="3.12", channel=channel)
    pip_install(prefix, "tensorflow", "2.18.0")          # a wheel built here, installed by pip
    export_env(prefix, "environment.yml")                # what `conda env export` writes
    make_large_env(prefix, n=300)                        # for the speed budget

time_checker() times the checker on a 300-package environment: `make bench` reports it, and so
does `python -m tools.condaenv` alone.

Every rattler call runs in a child process that ends with os._exit: the interpreter that used
rattler sometimes crashes while shutting down (a segfault in about one run in thirty), after
all its work is done, and that must not become the test run's exit code.
"""

import glob
import hashlib
import json
import os
import shutil
import stat
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from tools.sitemap import REPO

CHECKER = REPO / "exercises" / "practice_env" / "check_practice_env.py"

# The distributions the exercise installs, at the versions of both specs and one that a
# version check must refuse (flask 3.10 is not flask=3.1), and pip, which an environment file
# lists before a pip: section. scikit-learn imports as sklearn.
LIBRARIES = [
    ("flask", "3.1.0", "flask"), ("flask", "1.1.1", "flask"), ("flask", "3.10.0", "flask"),
    ("tensorflow", "2.18.0", "tensorflow"), ("tensorflow", "2.1.0", "tensorflow"),
    ("pandas", "2.2.3", "pandas"), ("pandas", "1.0.5", "pandas"),
    ("scikit-learn", "1.6.1", "sklearn"), ("scikit-learn", "0.22.1", "sklearn"),
    ("pip", "24.3.1", "pip"),
]
# The interpreters the channel packages, as (conda version, the machine's Python it runs).
# The 2020 spec pins python=3.7.3; the machine has a later 3.7, and the checker reads the
# version from conda-meta, as conda reports it.
PYTHONS = [("3.12", None), ("3.11", None), ("3.7.3", "3.7"), ("3.6", None)]


# -- Interpreters ----------------------------------------------------------------------------

def pyenv_root():
    if os.environ.get("PYENV_ROOT"):
        return Path(os.environ["PYENV_ROOT"])
    if shutil.which("pyenv"):
        return Path(subprocess.run(["pyenv", "root"], capture_output=True, text=True,
                                   check=True).stdout.strip())
    return Path.home() / ".pyenv"


def find_python(minor):
    """The machine's interpreter for minor ("3.8"), as (path, full version); an error naming
    what is missing when there is none, so that a test needing it fails instead of skipping."""
    found = sorted(glob.glob(str(pyenv_root() / "versions" / (minor + ".*") / "bin" / ("python" + minor))))
    if not found:
        raise LookupError("no Python %s on this machine (looked in %s/versions); "
                          "install it: pyenv install %s" % (minor, pyenv_root(), minor))
    path = Path(found[-1])
    return path, path.parent.parent.name


# -- Running rattler in a child process ------------------------------------------------------

def _in_child(task, **arguments):
    """Run one of the _TASKS below in a fresh interpreter (see the module's docstring)."""
    result = subprocess.run([sys.executable, "-m", "tools.condaenv", "--task", task, json.dumps(arguments)],
                            cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("%s failed (exit %d):\n%s%s"
                           % (task, result.returncode, result.stdout, result.stderr))


def _build_channel(folder, pythons, libraries, bench):
    import asyncio

    from rattler.index import index_fs
    from rattler.platform import Subdir
    from rattler_build import assemble_package

    folder = Path(folder)
    subdir = str(Subdir.current())
    stage = folder.parent / (folder.name + "-stage")
    for python_version, executable, real_version in pythons:
        files = stage / ("python-" + python_version)
        minor = ".".join(real_version.split(".")[:2])
        bin_dir = files / "bin"
        bin_dir.mkdir(parents=True)
        (files / "pyvenv.cfg").write_text("home = %s\ninclude-system-site-packages = false\n"
                                          "version = %s\n" % (Path(executable).parent, real_version))
        os.symlink(executable, bin_dir / ("python" + minor))
        os.symlink("python" + minor, bin_dir / "python")
        os.symlink("python" + minor, bin_dir / "python3")
        site = files / "lib" / ("python" + minor) / "site-packages"
        site.mkdir(parents=True)
        (site / "README.txt").write_text("This folder holds the environment's packages.\n")
        assemble_package("python", python_version, subdir, "0_cpython", folder / subdir,
                         files_dir=files, compression_level=1)
    for name, version, module in libraries:
        files = stage / ("%s-%s" % (name, version))
        _python_package_files(files / "site-packages", name, version, module, "conda")
        assemble_package(name, version, "noarch", "pyh0_0", folder / "noarch", files_dir=files,
                         noarch="python", depends=["python"], compression_level=1)
    for number in range(bench):
        # Half of a real environment's packages are Python's, half are libraries and tools.
        name = "bench-pkg-%03d" % number
        files = stage / name
        if number % 2:
            _python_package_files(files / "site-packages", name, "1.0.%d" % number,
                                  name.replace("-", "_"), "conda")
            assemble_package(name, "1.0.%d" % number, "noarch", "pyh0_0", folder / "noarch",
                             files_dir=files, noarch="python", depends=["python"],
                             compression_level=1)
        else:
            (files / "share" / name).mkdir(parents=True)
            (files / "share" / name / "data.txt").write_text(name + "\n")
            assemble_package(name, "1.0.%d" % number, subdir, "h0_0", folder / subdir,
                             files_dir=files, compression_level=1)
    (folder / "noarch").mkdir(parents=True, exist_ok=True)
    asyncio.run(index_fs(folder, write_zst=False, write_shards=False))
    shutil.rmtree(stage)


def _python_package_files(site, name, version, module, installer):
    """An importable module that knows its version, and the .dist-info pip and conda write."""
    (site / module).mkdir(parents=True)
    (site / module / "__init__.py").write_text("__version__ = %r\n" % version)
    info = site / ("%s-%s.dist-info" % (name.replace("-", "_"), version))
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version))
    (info / "INSTALLER").write_text(installer + "\n")


def _install(prefix, channel, specs):
    import asyncio

    from rattler import solve
    from rattler.install import install
    from rattler.match_spec import MatchSpec
    from rattler.platform import Subdir

    async def create():
        records = await solve([str(channel)], specs, platforms=[Subdir.current(), Subdir("noarch")])
        await install(records, prefix, cache_dir=str(channel) + "-cache", show_progress=False,
                      requested_specs=[MatchSpec(spec)._match_spec for spec in specs])

    asyncio.run(create())


_TASKS = {"build_channel": _build_channel, "install": _install}


# -- The public helpers ------------------------------------------------------------------------

def build_channel(folder, bench=0):
    """A local conda channel in folder: the PYTHONS the machine has, the LIBRARIES, and bench
    tiny packages. make_env names a missing interpreter."""
    pythons = []
    for version, machine in PYTHONS if not bench else PYTHONS[:1]:
        try:
            executable, real_version = find_python(machine or version)
        except LookupError:
            continue
        pythons.append((version if machine else real_version, str(executable), real_version))
    _in_child("build_channel", folder=str(folder), pythons=pythons,
              libraries=[] if bench else LIBRARIES, bench=bench)
    return Path(folder)


def make_env(prefix, packages=(), python="3.12", channel=None):
    """`conda create -p prefix python=<python> <packages...>` from the channel.

    python=None makes what `conda create -n NAME` with no package makes: conda-meta/history only.
    """
    if python:
        find_python(".".join(python.split(".")[:2]))
    specs = list(packages) + (["python=" + python] if python else [])
    # Solving and installing takes a second; a copy of the same environment made before takes
    # a few milliseconds, and its records and files are the same (none of these packages
    # writes its prefix into a file).
    made = Path(str(channel) + "-envs") / hashlib.sha256(json.dumps(specs).encode()).hexdigest()[:16]
    if not made.exists():
        _in_child("install", prefix=str(made) + ".part", channel=str(channel), specs=specs)
        os.rename(str(made) + ".part", made)
    shutil.copytree(made, prefix, symlinks=True)
    return Path(prefix)


def site_packages(prefix):
    found = glob.glob(str(Path(prefix) / "lib" / "python*" / "site-packages"))
    assert len(found) == 1, "%s has %d site-packages folders" % (prefix, len(found))
    return Path(found[0])


def build_wheel(folder, name, version, module=None):
    """A pure-Python wheel of an importable module that knows its version."""
    module = module or name.replace("-", "_")
    dist = "%s-%s" % (name.replace("-", "_"), version)
    path = Path(folder) / ("%s-py3-none-any.whl" % dist)
    files = {
        "%s/__init__.py" % module: "__version__ = %r\n" % version,
        "%s.dist-info/METADATA" % dist: "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version),
        "%s.dist-info/WHEEL" % dist: "Wheel-Version: 1.0\nGenerator: condaenv\nRoot-Is-Purelib: true\n"
                                     "Tag: py3-none-any\n",
    }
    record = ["%s,,\n" % name for name in files] + ["%s.dist-info/RECORD,,\n" % dist]
    files["%s.dist-info/RECORD" % dist] = "".join(record)
    with zipfile.ZipFile(path, "w") as wheel:
        for name, text in files.items():
            wheel.writestr(name, text)
    return path


def pip_install(prefix, name, version, module=None):
    """`pip install name==version` inside the environment, from a wheel built here."""
    with tempfile.TemporaryDirectory() as folder:
        wheel = build_wheel(folder, name, version, module)
        # The machine's pip configuration (constraints, find-links) is no part of the test.
        variables = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        variables["PIP_CONFIG_FILE"] = os.devnull
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
                        "--no-compile", "--disable-pip-version-check", "--target",
                        str(site_packages(prefix)), str(wheel)],
                       env=variables, check=True, capture_output=True)


def export_env(prefix, path, name="practice_env", builds=False, prefix_line=False):
    """The file `conda env export [--no-builds]` writes, from the prefix's records and pip's."""
    conda, pip = [], []
    for record in sorted((Path(prefix) / "conda-meta").glob("*.json")):
        package, version, build = record.stem.rsplit("-", 2)
        conda.append("%s=%s%s" % (package, version, "=" + build if builds else ""))
    for info in sorted(glob.glob(str(Path(prefix) / "lib" / "python*" / "site-packages" / "*.dist-info"))):
        if Path(info, "INSTALLER").read_text().strip() == "pip":
            package, version = Path(info).name[:-len(".dist-info")].rsplit("-", 1)
            pip.append("%s==%s" % (package.replace("_", "-"), version))
    lines = ["name: %s" % name, "channels:", "  - conda-forge", "dependencies:"]
    lines += ["  - " + entry for entry in conda]
    if pip:
        lines += ["  - pip:"] + ["      - " + entry for entry in pip]
    if prefix_line:
        lines.append("prefix: %s" % prefix)
    Path(path).write_text("\n".join(lines) + "\n")
    return Path(path)


def make_large_env(prefix, n=300, channel=None):
    """An environment of n packages and Python, from a channel of n tiny packages (built in a
    folder beside the prefix unless one is given)."""
    if channel is None:
        channel = build_channel(Path(prefix).parent / "bench-channel", bench=n)
    return make_env(prefix, ["bench-pkg-%03d" % i for i in range(n)], python="3.12",
                    channel=channel)


def snapshot(*folders):
    """Every file, folder and link under folders: path, type, size, mtime and content hash.

    Two equal snapshots mean nothing was created, removed, touched or changed; a folder's mtime
    also catches a file made and removed again.
    """
    state = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                path = os.path.join(root, name)
                info = os.lstat(path)
                if os.path.islink(path):
                    state[path] = ("link", os.readlink(path), info.st_mtime_ns)
                elif os.path.isdir(path):
                    state[path] = ("dir", info.st_mtime_ns)
                elif not stat.S_ISREG(info.st_mode):  # a FIFO or a device: never opened
                    state[path] = ("other", info.st_mode, info.st_mtime_ns)
                else:
                    with open(path, "rb") as handle:
                        digest = hashlib.sha256(handle.read()).hexdigest()
                    state[path] = ("file", info.st_size, info.st_mtime_ns, digest)
            state[root] = ("dir", os.lstat(root).st_mtime_ns)
    return state


# -- The benchmark -----------------------------------------------------------------------------

def time_checker(folder, n=300, runs=5):
    """Seconds the checker takes (best of runs) on an n-package environment, checking every
    step but the student's own test_env.py: the spec, the export, and a recreated environment
    compared package by package with an n-package file."""
    folder = Path(folder)
    channel = build_channel(folder / "channel", bench=n)
    env = make_large_env(folder / "envs" / "practice_env", n, channel=channel)
    neighbour = make_large_env(folder / "envs" / "neighbour_env", n, channel=channel)
    export = export_env(env, folder / "environment.yml")
    spec = folder / "spec.yml"
    spec.write_text("dependencies:\n  - python=3.12\n"
                    + "".join("  - bench-pkg-%03d>=1.0\n" % i for i in range(0, n, n // 5 + 1)))
    command = [sys.executable, str(CHECKER), "--prefix", str(env), "--spec", str(spec),
               "--export", str(export), "--recreated", str(neighbour), "--bonus", "--json"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        # No test_env.py in folder: the test step reports it missing without running anything.
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        assert result.returncode in (0, 1), result.stderr
    return min(times), statistics.median(times), json.loads(result.stdout)


def main():
    with tempfile.TemporaryDirectory() as folder:
        best, median, _ = time_checker(folder)
    print("checker on a 300-package environment: best %.3f s, median %.3f s (budget 0.1 s)"
          % (best, median))
    return 0 if best < 0.1 else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--task"]:
        _TASKS[sys.argv[2]](**json.loads(sys.argv[3]))
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    sys.exit(main())
