"""SQLAlchemy's dialect compliance suite, collected unchanged."""

from sqlalchemy.testing.suite import *  # noqa: F401,F403
