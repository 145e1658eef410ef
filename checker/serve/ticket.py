"""A way to call off one check from the event loop while a pool thread waits for its worker:
the thread waits on the worker's pipe and on the ticket's at once, so a cancel wakes it."""

from __future__ import annotations

from multiprocessing import Pipe


class Ticket:
    """One admitted check. :meth:`cancel` may come from any thread, any number of times."""

    def __init__(self) -> None:
        self.reader, self.writer = Pipe(duplex=False)
        self.cancelled = False

    def cancel(self) -> None:
        if not self.cancelled:
            self.cancelled = True
            self.writer.send_bytes(b"")

    def close(self) -> None:
        self.reader.close()
        self.writer.close()
