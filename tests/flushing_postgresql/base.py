"""PostgreSQL as in production, but a transactional test's flush empties the tables with DELETE, not TRUNCATE,
and keeps the schema's catalogue.

After each transactional test (the browser tests, the concurrency tests) Django empties every table. PostgreSQL's
TRUNCATE gives each of our ~120 tables new files, about 1-4 s per flush on this machine; the tables hold only a
test's few rows, which DELETE removes in about 0.15 s. The flush runs as the `replica` role for its transaction,
so neither the foreign keys' triggers nor the append-only triggers (the access log, the staff actions), which
refuse a DELETE from the product, fire for it. Only the tests use this backend (tests/settings.py).

The content types and permissions are what `migrate` derives from the models, the same before and after every
test: the flush leaves them, so nothing need rebuild them (tests/conftest.py, catalogue_survives_flushes).

At the end of the run the test database is dropped WITH (FORCE): a connection a test's thread still holds (the
concurrency tests' threads, the async tests' database thread) made DROP DATABASE wait its 5 s for them, then
fail and leave the database behind."""

from django.db.backends.postgresql import base, creation, operations

CATALOGUE = frozenset({"django_content_type", "auth_permission"})


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        tables = [table for table in tables if table not in CATALOGUE]
        if not tables or reset_sequences:
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [
            "SET LOCAL session_replication_role = replica",
            *(f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))}" for table in tables),
        ]


class DatabaseCreation(creation.DatabaseCreation):
    def _destroy_test_db(self, test_database_name, verbosity):
        self.connection.close_pool()
        with self._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE {self.connection.ops.quote_name(test_database_name)} WITH (FORCE)")


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    creation_class = DatabaseCreation
