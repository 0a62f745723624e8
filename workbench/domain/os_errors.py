"""Why the operating system refused a file, in the user's language.

`OSError.strerror` is the C library's English text ("Permission denied") whatever the user's
language: a French window showed it as is. The reasons people meet when saving a file are
worded here, through gettext, keyed by errno; any other keeps the system's own text.
"""

from __future__ import annotations

import errno

from workbench.i18n import N_, _

# The English texts are glibc's, so an English message reads as it always did. Named, not
# numbered: errno values differ between systems (and Windows has no EDQUOT).
_REASONS_BY_NAME = {
    "ENOENT": N_("No such file or directory"),
    "EACCES": N_("Permission denied"),
    "EPERM": N_("Operation not permitted"),
    "ENOSPC": N_("No space left on device"),
    "EDQUOT": N_("Disk quota exceeded"),
    "EROFS": N_("Read-only file system"),
    "ENOTDIR": N_("Not a directory"),
    "EISDIR": N_("Is a directory"),
    "EEXIST": N_("File exists"),
    "ENAMETOOLONG": N_("File name too long"),
}
_REASONS = {
    getattr(errno, name): text for name, text in _REASONS_BY_NAME.items() if hasattr(errno, name)
}


def os_error_reason(error: OSError) -> str:
    """The reason of `error` in the user's language (the system's text for a rare errno)."""
    reason = _REASONS.get(error.errno or 0)
    if reason is not None:
        return _(reason)
    return error.strerror or str(error) or type(error).__name__
