"""ringtrace: find the collusion rings behind sham labour-relationship lawsuits and arbitrations."""

__version__ = "0.1.0"

__all__ = ["__version__"]
