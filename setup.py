"""Installs the Python package `secnlp` from this checkout's CMake build, offline:

    /usr/bin/python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation --no-index .

Nothing is compiled here: the extension secnlp._core is built by the project's CMake tree (the
`secnlp_python_files` target, which scripts/test.sh builds) into build/python/secnlp, and this
file packages that folder. When the extension is missing it builds that one target first
(configuring build/ when needed). SECNLP_BUILD_DIR names another build folder. numpy, pandas
and scipy come from Debian (the venv sees them through --system-site-packages).
"""

import glob
import importlib.util
import os
import subprocess
import sys
import sysconfig

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

ROOT = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(os.environ.get("SECNLP_BUILD_DIR", os.path.join(ROOT, "build")))
PACKAGE = os.path.join(BUILD, "python", "secnlp")


def built_extension():
    return glob.glob(os.path.join(PACKAGE, "_core*.so"))


def build_extension():
    """The CMake target, as scripts/test.sh builds it (ccache makes a rebuild cheap)."""
    if not os.path.exists(os.path.join(BUILD, "CMakeCache.txt")):
        generator = ["-G", "Ninja"] if subprocess.run(["which", "ninja"], capture_output=True).returncode == 0 else []
        subprocess.check_call(["cmake", "-S", ROOT, "-B", BUILD, *generator,
                               "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                               f"-DPython3_EXECUTABLE={sys.executable}"])
    subprocess.check_call(["cmake", "--build", BUILD, "--target", "secnlp_python_files",
                           "-j", str(os.cpu_count() or 1)])
    if not built_extension():
        sys.exit(f"secnlp: {PACKAGE} has no _core extension after the build "
                 "(is SECNLP_BUILD_PYTHON off? pybind11-dev and python3-dev are needed)")


def check_interpreter():
    """The extension is built for CMake's Python (Debian's /usr/bin/python3 by default); a venv
    made from another interpreter (pyenv, conda) could not import it, nor see Debian's pandas."""
    advice = ("make the venv from the interpreter CMake used (Debian's): "
              "/usr/bin/python3 -m venv --system-site-packages .venv")
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    if not glob.glob(os.path.join(PACKAGE, "_core" + suffix)):
        sys.exit(f"secnlp: {PACKAGE} holds {', '.join(map(os.path.basename, built_extension()))}, "
                 f"built for another Python than {sys.executable} ({suffix}); {advice}")
    missing = [m for m in ("numpy", "pandas", "scipy", "wheel")
               if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"secnlp: {sys.executable} sees no {', '.join(missing)} (Debian's python3-* "
                 f"packages, offline); {advice}")


if not built_extension():
    build_extension()  # setuptools needs the package folder before build_py runs
check_interpreter()


class BuildPy(build_py):
    def run(self):
        # Always let CMake bring the extension and the .py files up to date (a no-op when they
        # are), so an install never packages a stale build.
        build_extension()
        super().run()


class BinaryDistribution(Distribution):
    """The wheel holds a compiled extension: tag it for this platform and Python."""

    def has_ext_modules(self):
        return True


setup(
    name="secnlp",
    version="0.1.0",
    description="SEC filings to pandas DataFrames and scipy matrices (secnlp's C++ core)",
    python_requires=">=3.9",
    packages=["secnlp"],
    package_dir={"secnlp": os.path.relpath(PACKAGE, ROOT)},
    package_data={"secnlp": ["_core*.so", "libsecnlp_models_cli.so"]},
    cmdclass={"build_py": BuildPy},
    distclass=BinaryDistribution,
    zip_safe=False,
    # setuptools' own scratch space, away from CMake's build/ folder.
    options={"build": {"build_base": os.path.join(".cache", "setuptools")}},
)
