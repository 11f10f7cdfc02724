"""Reads of the stored statistics from a replica, when DATABASE_REPLICA_URL names one (config/settings.py).

The statistics committees and the public read — the service figures and the theme counts, written every
15 minutes by beat jobs on the primary — tolerate a replica's few seconds of lag; everything else, and
any read inside a transaction (which may follow its own write), stays on the primary.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_ALIAS = "replica"
STATISTICS_MODELS = {"figures.servicefigure", "figures.ideafigure", "escalations.themecounts"}


class StatisticsReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.label_lower in STATISTICS_MODELS and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA_ALIAS
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
