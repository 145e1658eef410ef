"""The Word package being annotated: its document tree, its comments part, and saving it.

Only the parts annotate changes are touched: the main document (markers, tracked changes),
the comments part (the input's, or a new one, which then also needs a relationship from the
document and a content type), and the styles part when it lacks the comment styles
(:mod:`checker.annotate.comment_styles`; a new one when the package has none). Every other
member of the zip is copied byte for byte (:mod:`checker.annotate.zipcopy`), so saving costs
serialising a tree or two and compressing them.
"""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO

from lxml import etree

from checker.annotate.comment_styles import ensure_comment_styles, new_styles_part
from checker.annotate.wordml import W
from checker.annotate.zipcopy import rewrite
from checker.read.docx_package import WORD_DOCUMENT, WORD_VARIANTS

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
RT_VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def serialise(root: etree._Element) -> bytes:
    """A part's XML as Word writes it (and python-docx): UTF-8, standalone."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _rels_name(part_name: str) -> str:
    folder, base = posixpath.split(part_name)
    return posixpath.join(folder, "_rels", base + ".rels")


def _target_name(part_name: str, target: str) -> str:
    """The member a relationship of ``part_name`` points to."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part_name), target))


class WordPackage:
    """A docx's bytes and its parsed main document (the tree annotate marks up)."""

    def __init__(self, data: bytes, document: etree._Element, document_name: str) -> None:
        self.data = data
        self.document = document
        self.document_name = document_name
        self._archive = zipfile.ZipFile(BytesIO(data))
        self._members = {info.filename: info for info in self._archive.infolist()}
        self._rels = self._parse(_rels_name(document_name))
        self._comments_name = self._find_part(RT_COMMENTS)
        self._comments = self._parse(self._comments_name) if self._comments_name is not None else None
        self._styles_name: str | None = None
        self._styles: etree._Element | None = None  # parsed only when it must gain the comment styles
        self._style_ids: tuple[str, str] | None = None
        self._changed_parts: dict[str, etree._Element] = {}  # other parts parsed to be changed

    @property
    def body(self) -> etree._Element:
        body = self.document.find(f"{{{W}}}body")
        if body is None:
            raise ValueError("document without w:body")
        return body

    def _parse(self, name: str) -> etree._Element | None:
        if name not in self._members:
            return None
        return etree.fromstring(self._archive.read(name), _PARSER)

    def _find_part(self, relation_type: str) -> str | None:
        """The member the document's relationship of ``relation_type`` points to, if any."""
        if self._rels is None:
            return None
        for relation in self._rels.iter(f"{{{PACKAGE_RELS}}}Relationship"):
            if relation.get("Type") == relation_type and relation.get("TargetMode") != "External":
                name = _target_name(self.document_name, relation.get("Target", ""))
                if name in self._members:
                    return name
        return None

    def existing_comments(self) -> etree._Element | None:
        """The input's w:comments root, None when it has no comments part."""
        return self._comments if self._comments_name is not None else None

    def related_part(self, relation_type: str) -> etree._Element | None:
        """The root of the part the document relates to by ``relation_type``, parsed to be
        changed (saved with the package), None when there is none."""
        name = self._find_part(relation_type)
        if name is None:
            return None
        if name not in self._changed_parts:
            root = self._parse(name)
            if root is None:
                return None
            self._changed_parts[name] = root
        return self._changed_parts[name]

    def comments(self) -> etree._Element:
        """The w:comments root: the input's, or a new empty one (saved as a new part)."""
        if self._comments is None:
            self._comments = etree.Element(f"{{{W}}}comments", nsmap={"w": W})
        return self._comments

    def comment_style_ids(self) -> tuple[str, str]:
        """The ids of the document's "annotation text" and "annotation reference" styles, added
        to its styles part (or a new one) when it has none."""
        if self._style_ids is None:
            self._styles_name = self._find_part(RT_STYLES)
            styles = self._parse(self._styles_name) if self._styles_name is not None else None
            if styles is None:
                self._styles_name, styles = None, new_styles_part()
            text_id, reference_id, changed = ensure_comment_styles(styles)
            self._styles = styles if changed else None
            self._style_ids = (text_id, reference_id)
        return self._style_ids

    def save(self) -> bytes:
        """The package with the document (and comments) as they are now: a .docx, whatever the
        input was (a .docm's or a template's main part becomes a document's, without macros)."""
        replace = {self.document_name: serialise(self.document)}
        replace.update((name, serialise(root)) for name, root in self._changed_parts.items())
        add: list[tuple[str, bytes]] = []
        types = self._parse(CONTENT_TYPES)
        changed_types = types is not None and self._as_document(types)
        rels_name = _rels_name(self.document_name)
        if self._rels is not None and self._without_macros(self._rels):
            replace[rels_name] = serialise(self._rels)
        new_parts = []
        if self._comments is not None and self._comments_name is not None:
            replace[self._comments_name] = serialise(self._comments)
        elif self._comments is not None:
            new_parts.append(("comments.xml", self._comments, RT_COMMENTS, CT_COMMENTS))
        if self._styles is not None and self._styles_name is not None:
            replace[self._styles_name] = serialise(self._styles)
        elif self._styles is not None:
            new_parts.append(("styles.xml", self._styles, RT_STYLES, CT_STYLES))
        for base, root, relation_type, content_type in new_parts:
            name = self._free_name(posixpath.join(posixpath.dirname(self.document_name), base))
            add.append((name, serialise(root)))
            self._relate(posixpath.relpath(name, posixpath.dirname(self.document_name)), relation_type)
            if types is None:
                raise ValueError("package without [Content_Types].xml")
            self._add_type(types, name, content_type)
            changed_types = True
        if new_parts:
            assert self._rels is not None
            if rels_name in self._members:
                replace[rels_name] = serialise(self._rels)
            else:
                add.append((rels_name, serialise(self._rels)))
        if changed_types and types is not None:
            replace[CONTENT_TYPES] = serialise(types)
        return rewrite(self.data, replace, add, self._archive)

    def _as_document(self, types: etree._Element) -> bool:
        """Give the main part the plain document content type; True when it had another."""
        part_name = "/" + self.document_name
        for override in types.iter(f"{{{CONTENT_TYPES_NS}}}Override"):
            named = override.get("PartName", "").lower() == part_name.lower()
            if named and override.get("ContentType") in WORD_VARIANTS:
                override.set("ContentType", WORD_DOCUMENT)
                return True
        return False

    @staticmethod
    def _without_macros(rels: etree._Element) -> bool:
        """Drop the document's link to a VBA project (a .docx holds no macros); True if any."""
        links = [r for r in rels.iter(f"{{{PACKAGE_RELS}}}Relationship") if r.get("Type") == RT_VBA_PROJECT]
        for link in links:
            rels.remove(link)
        return bool(links)

    def _free_name(self, wanted: str) -> str:
        taken = {name.lower() for name in self._members}
        stem, suffix = posixpath.splitext(wanted)
        name, number = wanted, 0
        while name.lower() in taken:
            number += 1
            name = f"{stem}{number}{suffix}"
        return name

    def _relate(self, target: str, relation_type: str) -> None:
        """A relationship of ``relation_type`` from the document to ``target`` (a new rels part
        when it had none)."""
        if self._rels is None:
            self._rels = etree.Element(f"{{{PACKAGE_RELS}}}Relationships", nsmap={None: PACKAGE_RELS})
        used = {relation.get("Id") for relation in self._rels}
        number = 1
        while f"rId{number}" in used:
            number += 1
        attributes = {"Id": f"rId{number}", "Type": relation_type, "Target": target}
        etree.SubElement(self._rels, f"{{{PACKAGE_RELS}}}Relationship", attributes)

    @staticmethod
    def _add_type(types: etree._Element, name: str, content_type: str) -> None:
        part_name = "/" + name
        overrides = types.iter(f"{{{CONTENT_TYPES_NS}}}Override")
        if not any(o.get("PartName", "").lower() == part_name.lower() for o in overrides):
            etree.SubElement(
                types, f"{{{CONTENT_TYPES_NS}}}Override", PartName=part_name, ContentType=content_type
            )
