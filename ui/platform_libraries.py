"""Before the first window: can Qt's X11 platform plugin load on this machine?

When a shared library of `libqxcb.so` is missing, Qt aborts with a message naming
`xcb-cursor0` whatever is really missing (issue 18: it was `libxcb-icccm4` and
`libxcb-keysyms1`). The dynamic linker knows: `ldd` on the plugin lists each library it
cannot find, and on Debian and Ubuntu the package is named after the library.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from workbench.i18n import _

# "	libxcb-icccm.so.4 => not found"
_NOT_FOUND = re.compile(r"^\s*(\S+\.so[.\d]*)\s+=>\s+not found\s*$", re.MULTILINE)
_SONAME = re.compile(r"^(?P<name>lib.+?)\.so\.(?P<version>\d+)")
# Libraries whose Debian package does not follow the soname rule below.
_PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGLdispatch.so.0": "libglvnd0",
    "libz.so.1": "zlib1g",
    "libgcc_s.so.1": "libgcc-s1",
    **{f"lib{name}.so.{v}": "libc6" for name, v in (("c", 6), ("m", 6), ("dl", 2), ("pthread", 0))},
}


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` could not find, each once, in the order it listed them."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package of a library (Debian policy 8.1: the soname's name, then its
    major version, with a hyphen when the name ends in a digit): libxcb-icccm.so.4 ->
    libxcb-icccm4, libX11.so.6 -> libx11-6."""
    if library in _PACKAGE_OF:
        return _PACKAGE_OF[library]
    match = _SONAME.match(library)
    if match is None:
        return library
    name, version = match["name"].lower(), match["version"]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def xcb_plugin() -> Path:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def uses_xcb(environ: dict[str, str] | os._Environ[str]) -> bool:
    """Qt will try the X11 plugin: on Linux, unless another platform is asked for or the
    session is Wayland's."""
    if not sys.platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_libraries(plugin: Path) -> list[str]:
    """What `ldd` says the plugin lacks; nothing when it cannot tell (no ldd, no plugin)."""
    try:
        done = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_libraries(done.stdout)


def missing_libraries_message(plugin: Path, missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package(library) for library in missing))
    return _(
        "DPO Workbench cannot open its window: Qt's X11 platform plugin ({plugin}) needs "
        "system libraries that are not installed: {libraries}.\n"
        "On Debian or Ubuntu: sudo apt install {packages}\n"
        "(Other systems: install the packages that provide these libraries; the README lists "
        "what the desktop needs.)"
    ).format(plugin=plugin, libraries=", ".join(missing), packages=packages)


def check_platform_libraries() -> str | None:
    """The message to print instead of starting Qt, or None when nothing is known missing."""
    if not uses_xcb(os.environ):
        return None
    plugin = xcb_plugin()
    if not plugin.exists():
        return None
    missing = missing_xcb_libraries(plugin)
    return missing_libraries_message(plugin, missing) if missing else None
