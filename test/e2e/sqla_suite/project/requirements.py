"""What the compliance suite may expect of vexdb beyond SQLAlchemy's SuiteRequirements.

The closures are the ones MySQL itself needs (reference/mysql-sqlalchemy-needs.md §5.1).
"""

from sqlalchemy.testing import exclusions
from sqlalchemy.testing.requirements import SuiteRequirements


class Requirements(SuiteRequirements):
    @property
    def sql_expression_limit_offset(self):
        return exclusions.closed()  # LIMIT/OFFSET take literal numbers only

    @property
    def unbounded_varchar(self):
        return exclusions.closed()  # VARCHAR needs a length

    @property
    def datetime_microseconds(self):
        return exclusions.closed()  # no fractional seconds unless fsp is declared

    @property
    def time_microseconds(self):
        return exclusions.closed()

    @property
    def timestamp_microseconds_implicit_bound(self):
        return exclusions.closed()

    @property
    def datetime_implicit_bound(self):
        return exclusions.closed()

    @property
    def precision_generic_float_type(self):
        return exclusions.closed()  # FLOAT is 4 bytes

    @property
    def temp_table_names(self):
        return exclusions.closed()  # not reflected on MySQL
