"""The loop around the checker: --report (tests/test_class_report.py makes the class report from
such reports), --watch, and the Windows and macOS layouts on constructed prefixes with the
platform switched."""

import json
import signal
import subprocess
import sys
import time

import pytest

from practice_env_student import CHECKER, STEPS, clean_environment, load_checker, solve_exercise

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")


def test_report_writes_the_result_and_nothing_personal(student):
    args = solve_exercise(student)
    (student.work / "test_env.py").unlink()
    report = student.root / "out" / "report.json"
    report.parent.mkdir()
    result = student.run(*args, "--report", report, unchanged=False)
    assert result.returncode == 1
    written = json.loads(report.read_text())
    assert written["checker"] == "check_practice_env.py" and written["version"]
    assert set(written["platform"]) == {"system", "machine", "python"}
    assert written["time"].endswith("Z") and written["ok"] is False
    assert [step["id"] for step in written["steps"]] == STEPS
    assert str(student.home) not in report.read_text()


# Seconds a watcher may take to stop after Ctrl+C, a check under way included.
WATCH_STOPS = 60


def test_watch_checks_again_on_a_change_and_stops_on_ctrl_c(student):
    solve_exercise(student)
    variables = clean_environment(student.home)
    # As a context manager, so that its pipes are closed whatever happens to the test. Ctrl+C is
    # restored in the watcher, as a terminal gives it: a run started in the background (`make
    # test &`, some CI) ignores SIGINT, and Python then never raises KeyboardInterrupt.
    with subprocess.Popen([sys.executable, "-W", "error", str(CHECKER), "--watch"],
                          cwd=student.work, env=variables, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) as process:
        out, err = watch_a_change(student, process)
    assert process.returncode == 0 and err == ""
    assert out.endswith("stopped watching\n")


def watch_a_change(student, process):
    """Read the watcher's first run, change the test, read its second, then press Ctrl+C."""
    try:
        lines = []
        while not any(line.startswith("watching") for line in lines):
            lines.append(process.stdout.readline())
        assert "next: pass --export FILE, the file conda env export wrote\n" in lines
        time.sleep(1.1)  # a new modification time, even on a coarse clock
        (student.work / "test_env.py").write_text("print('nothing')\n")
        lines = []
        while not any(line.startswith("watching") for line in lines):
            lines.append(process.stdout.readline())
        assert lines[1].endswith("test_env.py changed: checking again\n")
        assert any(line.startswith("\u2718 test_env") for line in lines)
        assert any(line.startswith("next: see the whole error: conda activate practice_env, "
                                   "then python test_env.py") for line in lines)
    finally:
        process.send_signal(signal.SIGINT)
    try:
        return process.communicate(timeout=WATCH_STOPS)
    except subprocess.TimeoutExpired:
        process.kill()  # a watcher that ignores Ctrl+C fails the test, and does not outlive it
        raise


@pytest.fixture
def platform_checker(monkeypatch, tmp_path):
    checker = load_checker()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "home" / "AppData" / "Roaming"))
    for name in ("JUPYTER_PATH", "JUPYTER_DATA_DIR", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    return checker


def test_the_windows_layout(platform_checker, tmp_path):
    checker = platform_checker
    checker.WINDOWS = True
    prefix = tmp_path / "envs" / "practice_env"
    site = prefix / "Lib" / "site-packages" / "tensorflow-2.18.0.dist-info"
    site.mkdir(parents=True)
    (site / "INSTALLER").write_text("pip\n")
    (prefix / "python.exe").write_bytes(b"MZ\x90\x00")
    (prefix / "Scripts").mkdir()
    kernel = tmp_path / "home" / "AppData" / "Roaming" / "jupyter" / "kernels" / "practice_env"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({"argv": [str(prefix / "python.exe"), "-m", "ipykernel"]}))
    assert checker.python_of(str(prefix)) == str(prefix / "python.exe")
    assert checker.is_program(str(prefix / "python.exe"))
    assert checker.python_distributions(str(prefix), {"tensorflow"}) == {
        "tensorflow": checker.Installed("2.18.0", "", "pip", "")}
    env = checker.Env("practice_env", "practice_env", str(prefix), [], "-n practice_env")
    assert checker.check_kernel([env]).status == "pass"
    assert checker.quote("C:\\Users\\Ana Lee\\envs") == '"C:\\Users\\Ana Lee\\envs"'


def test_the_macos_layout(platform_checker, tmp_path):
    checker = platform_checker
    checker.MACOS = True
    prefix = tmp_path / "envs" / "practice_env"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "python").write_bytes(b"\xcf\xfa\xed\xfe....")
    kernel = tmp_path / "home" / "Library" / "Jupyter" / "kernels" / "practice_env"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({"argv": [str(prefix / "bin" / "python")]}))
    env = checker.Env("practice_env", "practice_env", str(prefix), [], "-n practice_env")
    assert checker.is_program(checker.python_of(str(prefix)))
    assert checker.check_kernel([env]).status == "pass"
    checker.MACOS = False  # the Linux folder has no such kernel
    assert checker.check_kernel([env]).status == "fail"
