"""``fzcheck annotate``: the report back as Word with findings as comments and fixes tracked.

Modules: ``api`` (entry points), ``annotator`` (puts findings into a document), ``places``
(which text a finding quotes, where a missing part belongs), ``linemap``/``docxmap``/
``newdoc`` (lines of the checked text → Word paragraphs), ``earlier`` (a previous run's
comments out of the way), ``fields`` (marks kept out of field results), ``textmap`` (characters → runs,
run splitting), ``comments`` and ``revisions`` (the WordprocessingML), ``texts`` (wording).
"""

from checker.annotate.api import (
    DOCX_MEDIA_TYPE,
    Annotated,
    AnnotateError,
    annotate,
    annotate_bytes,
    annotate_file,
    output_name,
)

__all__ = [
    "DOCX_MEDIA_TYPE",
    "AnnotateError",
    "Annotated",
    "annotate",
    "annotate_bytes",
    "annotate_file",
    "output_name",
]
