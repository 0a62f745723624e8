"""The only way into a register. Every public method is one transaction and returns records."""

from typing import TYPE_CHECKING

from workbench.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from workbench.services.register import Register, open_register
    from workbench.storage.locations import default_register_path, demo_register_path

# SQLAlchemy and Alembic load with the first register opened, not with any service module.
__getattr__ = lazy_exports(
    __name__,
    {
        "workbench.services.register": ["Register", "open_register"],
        "workbench.storage.locations": ["default_register_path", "demo_register_path"],
    },
)

__all__ = ["Register", "default_register_path", "demo_register_path", "open_register"]
