"""A check that never ends, for the tests of calling one off: a stand-in for the 300-page PDF
dropped by mistake, without a file big enough to outlast any test. Module level, so a worker
process finds the job by name."""

from __future__ import annotations

from typing import Any

from checker.audit.pool import Job
from checker.serve.work import Upload, check_upload, error_answer, memory_answer

MARK = "ENDLESS-CHECK"


def checked_over_and_over(upload: Upload) -> dict[str, Any]:
    """The service's check; an upload holding ``MARK`` is checked again and again, for ever."""
    if MARK.encode("utf-8") not in upload.data:
        return check_upload(upload)
    while True:
        check_upload(upload)


ENDLESS_JOB = Job(checked_over_and_over, memory_answer, error_answer)
