"""Does the product's database configuration work behind PgBouncer in transaction mode?

Point DATABASE_URL at a PgBouncer (pool_mode = transaction) in front of a scratch database and run this
with and without DB_PGBOUNCER=1 (config/settings.py). Eight threads each run the statements a request
runs — the same ORM queries again and again (psycopg prepares a statement on its fifth run), a queryset
.iterator() (a server-side cursor), a transaction with a row lock — and the errors are counted. In
transaction mode consecutive transactions may use different server connections, so a statement prepared
on one, or a cursor opened on one, is not there on the next.

    DATABASE_URL=postgres://postgres@127.0.0.1:6445/db DB_PGBOUNCER=1 .venv/bin/python bench/pgbouncer_check.py
"""

import sys
import threading
from collections import Counter

from common import setup_django


def main() -> int:
    setup_django()
    from django.conf import settings
    from django.db import connection, transaction

    from accounts.models import Department, User

    errors: Counter = Counter()
    done = [0]

    def work() -> None:
        try:
            for _ in range(30):
                try:
                    list(User.objects.filter(is_active=True).order_by("id")[:5])
                    sum(1 for _ in Department.objects.order_by("id").iterator(chunk_size=2))
                    with transaction.atomic():
                        Department.objects.select_for_update().order_by("id").first()
                    done[0] += 1
                except Exception as error:
                    errors[f"{type(error).__name__}: {str(error).splitlines()[0][:90]}"] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    options = settings.DATABASES["default"]
    print(
        f"prepare_threshold={options['OPTIONS'].get('prepare_threshold', 'default (5)')}, "
        f"server-side cursors {'off' if options.get('DISABLE_SERVER_SIDE_CURSORS') else 'on'}: "
        f"{done[0]} of 240 rounds without error"
    )
    kinds = Counter()
    for message, count in errors.items():
        kinds[message.split(":")[0] + ": " + " ".join(w for w in message.split()[1:] if "_" not in w)] += count
    for message, count in kinds.most_common():
        print(f"  {count:4d} × {message}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
