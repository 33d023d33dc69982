"""A student's machine for the practice_env checker's tests: real conda environments made by
rattler from a local channel (tools/condaenv.py), a home folder, a work folder, and the checker
run as a student runs it. Nothing about an environment is mocked. Every run of the checker also
asserts that it left every file and folder of the student's machine exactly as they were.
"""

import json
import os
import shutil
import subprocess
import sys
import types

from tools.condaenv import CHECKER, export_env, make_env, snapshot

EXERCISE = CHECKER.parent
SOLUTION = EXERCISE / "solution"
PACKAGES_2026 = ["flask=3.1", "tensorflow=2.18", "pandas=2.2", "scikit-learn=1.6"]
PACKAGES_2020 = ["flask=1.1.1", "tensorflow=2.1", "pandas=1.0", "scikit-learn=0.22.1"]
STEPS = ["env", "python", "package:flask", "package:tensorflow", "package:pandas",
         "package:scikit-learn", "test_env", "export", "recreated", "kernel"]


def load_checker():
    """The checker as a module, compiled here so that no __pycache__ lands beside it."""
    module = types.ModuleType("check_practice_env")
    exec(compile(CHECKER.read_text(encoding="utf-8"), str(CHECKER), "exec"), module.__dict__)
    return module


def clean_environment(home):
    """The variables a student's shell has, without this machine's conda, Jupyter or Python."""
    variables = {k: v for k, v in os.environ.items()
                 if not k.startswith(("CONDA", "JUPYTER", "XDG_", "PYTHON", "PIP_"))
                 and k not in ("NO_COLOR", "HOME", "PATH")}
    variables.update(HOME=str(home), PATH=os.defpath)
    return variables


class Student:
    """One student's machine: a home folder with Miniforge's envs folder, a work folder."""

    def __init__(self, root, channel):
        self.root = root
        self.home = root / "home"
        self.envs = self.home / "miniforge3" / "envs"
        self.work = root / "work"
        self.channel = channel
        self.envs.mkdir(parents=True)
        self.work.mkdir()
        self.variables = {}

    def env(self, name="practice_env", packages=PACKAGES_2026, python="3.12", prefix=None):
        return make_env(prefix or self.envs / name, packages, python=python, channel=self.channel)

    def kernel(self, python, name="practice_env"):
        """What `python -m ipykernel install --user --name practice_env` writes."""
        folder = self.home / ".local" / "share" / "jupyter" / "kernels" / name
        folder.mkdir(parents=True)
        (folder / "kernel.json").write_text(json.dumps({
            "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": name, "language": "python", "metadata": {"debugger": True}}))

    def run(self, *args, python=sys.executable, cwd=None, stdout=subprocess.PIPE, timeout=120,
            checker=CHECKER, unchanged=True):
        """The checker, as a student runs it (warnings are errors); asserts it changed nothing."""
        variables = clean_environment(self.home)
        variables.update(self.variables)
        before = snapshot(self.root)
        result = subprocess.run([str(python), "-W", "error", str(checker), *map(str, args)],
                                cwd=cwd or self.work, env=variables, stdout=stdout,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                timeout=timeout)
        assert snapshot(self.root) == before or not unchanged, "the checker changed the student's files"
        return result

    def check(self, *args, **options):
        """Run with --json: (exit code, {step id: (status, message)})."""
        result = self.run(*args, "--json", **options)
        assert result.returncode in (0, 1), result.stderr
        assert result.stderr == "", result.stderr
        report = json.loads(result.stdout)
        assert report["ok"] is (result.returncode == 0)
        for step in report["steps"]:
            assert set(step) == {"id", "status", "message", "hint", "slide", "handbook"}
            assert step["status"] in ("pass", "fail", "skip")
            assert step["hint"] or step["status"] == "pass", step
        return result.returncode, {s["id"]: (s["status"], s["message"]) for s in report["steps"]}


def solve_exercise(student):
    """Every step done, as the page's model answers do them; the arguments to check them all."""
    env = student.env()
    student.env("neighbour_env")
    shutil.copy(SOLUTION / "test_env.py", student.work)
    export_env(env, student.work / "environment.yml")
    student.kernel(env / "bin" / "python")
    return ["--export", "environment.yml", "--recreated", "neighbour_env",
            "--from", SOLUTION / "environment.yml", "--bonus"]


def statuses(steps):
    return {step: status for step, (status, _) in steps.items()}


# The checker's functions run in another interpreter: one process answers a whole batch of
# calls, [function name, arguments...] -> {"value": ...} or {"error": exception class name}.
_EVALUATE = r"""
import json, sys
checker = {"__name__": "check_practice_env"}
with open(sys.argv[1], encoding="utf-8") as source:
    exec(compile(source.read(), sys.argv[1], "exec"), checker)
def call(name, *arguments):
    try:
        value = checker[name](*arguments)
    except (ValueError, checker["InputError"]) as error:
        return {"error": type(error).__name__}
    return {"value": value if name != "env_file_from_text" else
            [[r.name, r.version, r.build, r.pip] for r in value.requirements] + [value.prefix]}
json.dump([call(*c) for c in json.load(sys.stdin)], sys.stdout)
"""


def evaluate(python, calls):
    """What the checker's functions answer under python, for each call, in one process."""
    result = subprocess.run([str(python), "-W", "error", "-c", _EVALUATE, str(CHECKER)],
                            input=json.dumps(calls), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)
