"""WhiteNoise for the test process, whose static files are found once per process instead of once per client.

Each django.test.Client builds the middleware chain anew, and WhiteNoise's middleware, serving from the finders
(WHITENOISE_USE_FINDERS, as in the demo), stats and reads the headers of every static file when it is built:
DKFDS's ~600 files, a quarter of a second of CPU per client, most of a door test's time (cProfile of
tests/committees/test_permissions.py). The files do not change during a run, so the table is made once for each
set of the settings that shape it and shared; requests are served by WhiteNoise as in the product."""

from django.conf import settings
from whitenoise import middleware

_found: dict[tuple, dict] = {}


class WhiteNoiseMiddleware(middleware.WhiteNoiseMiddleware):
    def add_files_from_finders(self):
        key = (
            self.static_prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            repr(settings.STATICFILES_DIRS),
            repr(settings.STATICFILES_FINDERS),
        )
        if key not in _found:
            kept, self.files = self.files, {}
            super().add_files_from_finders()
            _found[key], self.files = self.files, kept
        self.files.update(_found[key])
