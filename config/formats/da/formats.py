# Dates one way, the Danish way, on every page and in every e-mail: "3. december 2026 kl. 14.30" (Django's own
# Danish formats say "3. december 2026 14:30"). static/js/ formats live times with Intl's da-DK in the same form.
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"j. F Y \k\l. H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = r"d.m.Y \k\l. H.i"
