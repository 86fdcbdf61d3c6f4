"""The awards pages with steps use the core kit's StepsView (portal.core.steps)."""

from portal.core.steps import StepsView

__all__ = ["StepsView"]
