"""Log filters: one line per event, at the level it deserves."""

import logging


class ClientErrorFilter(logging.Filter):
    """A request the client got wrong (a Host header we do not serve) is a warning
    on one line, not an error with a traceback of our own code."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
