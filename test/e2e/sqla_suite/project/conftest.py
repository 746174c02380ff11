"""Loads SQLAlchemy's pytest plugin for its dialect compliance suite (README.dialects.rst)."""

import pytest

pytest.register_assert_rewrite("sqlalchemy.testing.assertions")

from sqlalchemy.testing.plugin.pytestplugin import *  # noqa: E402,F401,F403
