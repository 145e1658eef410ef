"""The two styles Word gives its comments: "annotation text" and "annotation reference".

Word adds them to a document's styles the first time someone comments on it. A comment whose
paragraphs name a style the document does not define is shown in the document's Normal style
instead: in a 公文 that is 三号仿宋 with a two-character indent and a fixed line height, in
the comment balloon. So the styles are looked up by their built-in names (a Chinese Word
gives them ids such as "a7"), and only added, with Word's usual ids, when the document has
none.
"""

from __future__ import annotations

from lxml import etree

from checker.annotate.wordml import W, w

TEXT_NAME = "annotation text"
REFERENCE_NAME = "annotation reference"
TEXT_ID = "CommentText"
REFERENCE_ID = "CommentReference"

# Word's own definitions, with the paragraph made plain: a comment is not body text, so the
# indent and fixed line height a 公文's Normal style carries are undone.
_TEXT_STYLE = (
    f'<w:style xmlns:w="{W}" w:type="paragraph" w:styleId="{{id}}"><w:name w:val="{TEXT_NAME}"/>'
    '<w:basedOn w:val=""/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
)
_REFERENCE_STYLE = (
    f'<w:style xmlns:w="{W}" w:type="character" w:styleId="{{id}}"><w:name w:val="{REFERENCE_NAME}"/>'
    '<w:basedOn w:val=""/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
)


def new_styles_part() -> etree._Element:
    """An empty w:styles root, for a package that has no styles part."""
    return etree.Element(w("styles"), nsmap={"w": W})


def _named(styles: etree._Element, kind: str, name: str) -> str | None:
    """The id of the style of ``kind`` whose name is ``name`` (Word compares names without case)."""
    for style in styles.iterfind(w("style")):
        label = style.find(w("name"))
        if style.get(w("type")) == kind and label is not None and label.get(w("val"), "").lower() == name:
            return style.get(w("styleId"))
    return None


def _default(styles: etree._Element, kind: str) -> str | None:
    """The id of the document's default style of ``kind`` (Normal, Default Paragraph Font)."""
    for style in styles.iterfind(w("style")):
        if style.get(w("type")) == kind and style.get(w("default")) in ("1", "true", "on"):
            return style.get(w("styleId"))
    return None


def _free_id(styles: etree._Element, wanted: str) -> str:
    taken = {style.get(w("styleId")) for style in styles.iterfind(w("style"))}
    candidate, number = wanted, 0
    while candidate in taken:
        number += 1
        candidate = f"{wanted}{number}"
    return candidate


def _add(styles: etree._Element, template: str, wanted: str, base_id: str | None) -> str:
    """Append the style ``template`` describes under a free id, based on ``base_id`` (without a
    base when the document names no default style: Word's built-in defaults apply); its id."""
    style_id = _free_id(styles, wanted)
    style = etree.fromstring(template.replace("{id}", style_id))
    base = style.find(w("basedOn"))
    assert base is not None
    if base_id:
        base.set(w("val"), base_id)
    else:
        style.remove(base)
    styles.append(style)
    return style_id


def ensure_comment_styles(styles: etree._Element) -> tuple[str, str, bool]:
    """(text style id, reference style id, whether ``styles`` was changed)."""
    text_id = _named(styles, "paragraph", TEXT_NAME)
    reference_id = _named(styles, "character", REFERENCE_NAME)
    changed = text_id is None or reference_id is None
    if text_id is None:
        text_id = _add(styles, _TEXT_STYLE, TEXT_ID, _default(styles, "paragraph"))
    if reference_id is None:
        reference_id = _add(styles, _REFERENCE_STYLE, REFERENCE_ID, _default(styles, "character"))
    return text_id, reference_id, changed
