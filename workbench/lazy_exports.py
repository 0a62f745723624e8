"""Package names imported on first use (PEP 562), so that importing one light module of a
package does not import all its heavy siblings.

`dpo-workbench --help` needs `importers.model.RecordKind`, not the xlsx, Word and CSV readers
that `importers/__init__.py` re-exports; a package lists its re-exports once, for readers and
type checkers under `TYPE_CHECKING`, and once here, by module.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping


def lazy_exports(package: str, sources: Mapping[str, Iterable[str]]) -> Callable[[str], object]:
    """The module `__getattr__` of `package`: each name in `sources[module]` comes from module."""
    module_of = {name: module for module, names in sources.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 - the PEP 562 hook's own name
        try:
            module = module_of[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # the next access skips this function
        return value

    return __getattr__
