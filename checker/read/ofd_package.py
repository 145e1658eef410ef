"""Opening an OFD package (GB/T 33190-2016 版式文档): OFD.xml → Document.xml → the pages.

An OFD file is a zip. ``OFD.xml`` at its root names each document's ``DocRoot``; the
document's ``Document.xml`` lists its pages in order (``Pages/Page@BaseLoc``) and the
template pages they draw on (``CommonData/TemplatePage``). A location is either absolute in
the package ("/Doc_0/Pages/Page_0/Content.xml") or relative to the file that names it;
producers differ, so a relative location missing there is tried from the package root too.

Elements are matched by local name: the spec's namespace is ``http://www.ofdspec.org/2016``,
but producers write others (easyofd uses its own), and a reader refusing them reads nothing.
Only the first document of a package is read: further ``DocBody`` entries are other
documents (an attachment, a version), not pages of this one. Annotations (stamps,
watermarks, a reviewer's notes) and signatures are not read: they are no part of the
running text. A package declaring ``Encryptions`` (GM/T 0099 encrypted OFD) is refused as
encrypted before any page is parsed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from checker.read.container import MAX_ZIP_TOTAL, open_zip
from checker.read.errors import InputError, phrase
from checker.read.untrusted_xml import parse_untrusted

ROOT_PART = "ofd.xml"
MAX_PAGES = 5000  # as for PDF: a compilation of reports has a few hundred pages
# Pages may all name one big content part: parsing it for each would repeat the same work
# thousands of times, so the XML parsed over the whole file is bounded like the zip's size.
MAX_PARSED_BYTES = MAX_ZIP_TOTAL


def local(element: Any) -> str:
    """An element's name without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: Any, name: str) -> Any:
    """The first child element called ``name`` (any namespace), or None."""
    return element.find(f"{{*}}{name}")


def children(element: Any, name: str) -> list[Any]:
    """The child elements called ``name`` (any namespace), in order."""
    return element.findall(f"{{*}}{name}")


def child_text(element: Any, name: str) -> str:
    """The stripped text of the first child called ``name``; "" when there is none."""
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


class OfdPackage:
    """The zip's parts by lower-case path, and the XML parsed from them so far."""

    def __init__(self, data: bytes) -> None:
        self.archive = open_zip(data)  # entry count, declared sizes, ratio, zip encryption
        self.parts = {
            info.filename.replace("\\", "/").lstrip("/").lower(): info for info in self.archive.infolist()
        }
        self.parsed = 0
        self.template_paths: dict[str, str] = {}  # TemplatePage ID → its content part
        self._templates: dict[str, Any] = {}

    def close(self) -> None:
        """Release the zip."""
        self.archive.close()

    def resolve(self, base: str, location: str) -> str:
        """The package path of ``location`` named in the part ``base``; InputError 'corrupt'
        when no part is there."""
        location = location.strip().replace("\\", "/")
        if not location:
            raise InputError("corrupt", error=phrase("corrupt.ofd-missing-part", name=base))
        candidates = [location.lstrip("/")] if location.startswith("/") else []
        if not candidates:
            candidates = [posixpath.join(posixpath.dirname(base), location), location]
        for candidate in candidates:
            path = posixpath.normpath(candidate).lower()
            if path in self.parts:
                return path
        raise InputError("corrupt", error=phrase("corrupt.ofd-missing-part", name=location[:200]))

    def xml(self, path: str) -> Any:
        """The root element of the XML part at ``path``, parsed safely; InputError
        'corrupt', 'too-deep' or 'zip-bomb' (parsed bytes over ``MAX_PARSED_BYTES``)."""
        info = self.parts[path]
        self.parsed += info.file_size
        if self.parsed > MAX_PARSED_BYTES:
            raise InputError("zip-bomb", size=self.parsed, limit=MAX_PARSED_BYTES)
        part = info.filename[:200]
        root = parse_untrusted(
            self.archive.read(info),
            lambda cause: phrase("corrupt.in-ofd", part=part, cause=cause),
            drop_instructions=True,
        )
        if root is None:  # only a comment or processing instruction: no element at all
            raise InputError("corrupt", error=phrase("corrupt.ofd-missing-part", name=part))
        return root

    def template(self, path: str) -> Any:
        """A template page's root element, parsed once however many pages draw on it."""
        if path not in self._templates:
            self._templates[path] = self.xml(path)
        return self._templates[path]

    def document(self) -> str:
        """The package path of the first document's Document.xml; InputError 'encrypted' for
        an encrypted package, 'corrupt' for a zip that is no OFD."""
        if ROOT_PART not in self.parts:
            raise InputError("corrupt", error=phrase("corrupt.ofd-no-root"))
        if "encryptions.xml" in self.parts:
            raise InputError("encrypted")
        root = self.xml(ROOT_PART)
        if local(root) != "OFD":
            raise InputError("corrupt", error=phrase("corrupt.ofd-no-root"))
        if any(local(element) == "Encryptions" for element in root.iter()):
            raise InputError("encrypted")
        for body in children(root, "DocBody"):
            location = child_text(body, "DocRoot")
            if location:
                return self.resolve(ROOT_PART, location)
        raise InputError("corrupt", error=phrase("corrupt.ofd-missing-part", name="DocRoot"))

    def pages(self, document: str) -> list[str]:
        """The content parts of the document's pages, in order (its template pages noted)."""
        root = self.xml(document)
        common = child(root, "CommonData")
        if common is not None:
            for template in children(common, "TemplatePage"):
                location = template.get("BaseLoc", "")
                if location.strip():
                    self.template_paths[template.get("ID", "")] = self.resolve(document, location)
        listed = child(root, "Pages")
        entries = children(listed, "Page") if listed is not None else []
        if len(entries) > MAX_PAGES:
            raise InputError("too-many-pages", pages=len(entries), limit=MAX_PAGES)
        return [self.resolve(document, entry.get("BaseLoc", "")) for entry in entries]

    def page_roots(self, content: str) -> Iterator[Any]:
        """The roots a page draws: its templates' (beneath or above it), then its own."""
        root = self.xml(content)
        for use in children(root, "Template"):
            path = self.template_paths.get(use.get("TemplateID", ""))
            if path is not None:
                yield self.template(path)
        yield root
