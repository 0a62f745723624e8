"""What the GUI says when Qt's X11 plugin lacks system libraries (read from its real `ldd`)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ui.platform_libraries import (
    debian_package,
    missing_libraries,
    missing_libraries_message,
    missing_xcb_libraries,
    uses_xcb,
    xcb_plugin,
)

# `ldd libqxcb.so` on Debian 12 with X but without libxcb-icccm4 and libxcb-keysyms1, the case
# where Qt's own message asked for xcb-cursor0 (which was installed).
LDD_SAMPLE = Path(__file__).parent.parent / "data" / "ldd" / "libqxcb_minimal_x.txt"


def test_the_libraries_ldd_did_not_find_each_once() -> None:
    output = LDD_SAMPLE.read_text(encoding="utf-8")
    assert output.count("not found") == 4  # ldd repeats them for the plugin's own Qt library
    assert missing_libraries(output) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_nothing_missing_in_a_complete_output() -> None:
    output = LDD_SAMPLE.read_text(encoding="utf-8")
    complete = output.replace(
        "libxcb-icccm.so.4 => not found",
        "libxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f63447f0000)",
    ).replace(
        "libxcb-keysyms.so.1 => not found",
        "libxcb-keysyms.so.1 => /lib/x86_64-linux-gnu/libxcb-keysyms.so.1 (0x00007f63447e0000)",
    )
    assert missing_libraries(complete) == []


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libX11.so.6", "libx11-6"),
        ("libGL.so.1", "libgl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libz.so.1", "zlib1g"),
        ("libm.so.6", "libc6"),
    ],
)
def test_debian_package_of_a_library(library: str, package: str) -> None:
    assert debian_package(library) == package


def test_the_message_names_the_libraries_and_the_apt_line() -> None:
    message = missing_libraries_message(
        Path("/x/libqxcb.so"), ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    )
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "xcb-cursor" not in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 plugin: Linux only")
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:display=:1"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_when_qt_would_load_the_x11_plugin(environ: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environ) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd: Linux only")
def test_a_plugin_that_loads_here_lacks_nothing() -> None:
    offscreen = xcb_plugin().with_name("libqoffscreen.so")  # what the tests themselves run on
    assert missing_xcb_libraries(offscreen) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 plugin: Linux only")
@pytest.mark.parametrize(
    ("language", "apt_line"),
    [
        ("en", "On Debian or Ubuntu: sudo apt install"),
        ("fr", "Sous Debian ou Ubuntu : sudo apt install"),
    ],
)
def test_the_gui_says_what_to_install_instead_of_starting_qt(
    tmp_path: Path, language: str, apt_line: str
) -> None:
    # The machine's dynamic linker replayed as it answered on a minimal X setup: an `ldd` on
    # PATH printing the recorded output.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text(f"#!/bin/sh\ncat '{LDD_SAMPLE}'\n", encoding="utf-8")
    ldd.chmod(ldd.stat().st_mode | stat.S_IXUSR)
    environ = os.environ | {
        "QT_QPA_PLATFORM": "xcb",
        "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}",
        "WORKBENCH_LANG": language,
    }
    done = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "r.sqlite")],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in done.stderr
    assert f"{apt_line} libxcb-icccm4 libxcb-keysyms1\n" in done.stderr
    assert "xcb-cursor0" not in done.stderr  # Qt's own message never came
    assert not (tmp_path / "r.sqlite").exists()  # nothing was opened
