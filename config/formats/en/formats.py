# The English pages' one form, as Intl's en-GB writes it in static/js/: "3 December 2026 at 14:30".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y \a\t H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = r"d/m/Y \a\t H:i"
