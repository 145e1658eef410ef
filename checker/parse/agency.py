"""Recognise issuing-body names (发文机关) in titles, openings and signatures."""

from __future__ import annotations

from collections.abc import Iterable

import checker.regex_cache as regex_cache

AGENCY_SUFFIX = (
    "人民政府|办事处|委员会|办公室|管委会|党工委|党组|党委|政府|街道|司法所|局|委|办|厅|部|署|院|中心|"
    "镇|乡|所|站|队|处|公司|"
    # bodies named by what they are, not by a 局/委/办: customs, prisons, development zones,
    # people's organisations, co-operatives, banks, weather offices, state-owned groups, schools. Whole
    # words only (a bare 区/会/社/行/台 ends ordinary words); a zone or co-operative followed
    # by its own 管委会/党工委/联合社 is not cut short there ("…开发区管委会坚持…")
    "海关|监狱|(?:开发|高新|经开|新|示范|试验|保税)区(?![管党工])|常委会|工会|"
    "联合会|红十字会|妇联|残联|科协|文联|侨联|工商联|合作社(?!联)|联合社|联社|分行|支行|"
    "气象台|集团|"
    # schools and universities report too (教育系统 public bodies): 临湘市第一中学, ××职业技术学院
    "学校|中学|小学|大学|学院|党校"
)
# Han names; XX/××/○○ stand for redacted or template names ("XX县人民政府")
_NAME = rf"[\u4e00-\u9fffXx×○＊*()·]{{1,38}}?(?:{AGENCY_SUFFIX})"
SIGNATURE_LINE = regex_cache.compile(rf"^(?:中共)?{_NAME}(?:\s+(?:中共)?{_NAME})*$")
_REGION = r"[\u4e00-\u9fffXx×○]{1,20}?(?:省|市|区|县|州|旗|盟)"
_TITLE_HEAD = regex_cache.compile(
    # one body, or several reporting together ("中共××县委、××县人民政府关于…")
    rf"^(?P<agency>(?:中共)?(?:{_NAME}|{_REGION})(?:[、\s](?:中共)?{_NAME})*)"
    rf"(?:关于|发布|印发|\d{{4}}|[〇○零一二三四五六七八九]{{4}}年|[\u4e00-\u9fff]{{0,4}}法治)"
)
_TITLE_AFTER_YEAR = regex_cache.compile(rf"^\d{{4}}年度?(?P<agency>{_NAME}|{_REGION})(?:关于)?(?:法治|依法)")
_OPENING = regex_cache.compile(
    rf"^(?:\d{{4}}年(?:度|以来)?[,，]?)(?:在[^,，。]{{2,60}}?下[,，])*"
    rf"(?P<agency>(?:中共)?{_NAME})(?=[\u4e00-\u9fff])"
)
_SELF_REFERENCES = (
    "我局",
    "本局",
    "我委",
    "我办",
    "我院",
    "本单位",
    "我单位",
    "我镇",
    "我乡",
    "我区",
    "我县",
)


SEAL_WORDS = "盖章|印章|章|公章|签章"  # where the seal goes: （盖章）
_SEAL_NOTE = regex_cache.compile(rf"[(（](?:{SEAL_WORDS})[)）]")


# prepositions that begin a clause, never a body's name ("在全省依法治省工作队…" is a
# sentence's broken-off start, not a 落款)
_CLAUSE_START = regex_cache.compile(r"^(?:在|把|被|对于|关于|通过|按照|根据|围绕|经过)")


def is_signature_line(text: str) -> bool:
    """A short line that is only one or more body names: a 落款 ("（盖章）" notes allowed)."""
    text = _SEAL_NOTE.sub("", text).strip()
    return len(text) <= 45 and bool(SIGNATURE_LINE.match(text)) and not _CLAUSE_START.match(text)


def signature_name(text: str) -> str:
    """The body name(s) of a signature line, without seal notes."""
    return _SEAL_NOTE.sub("", text).strip()


def _clean(name: str) -> str:
    name = name.strip(" ,，")
    return name if len(name) >= 2 and name not in _SELF_REFERENCES else ""


def agency_from_title(title: str) -> str | None:
    title = title.removeprefix("关于")  # 关于××局2024年度法治政府建设情况的报告
    match = _TITLE_HEAD.match(title) or _TITLE_AFTER_YEAR.match(title)
    if not match:
        return None
    return _clean(match.group("agency")) or None


def agency_from_opening(text: str) -> str | None:
    match = _OPENING.match(text)
    if not match:
        return None
    name = _clean(match.group("agency"))
    if name.startswith(("我", "本", "全")):
        return None
    return name or None


def _short(name: str) -> str:
    """The standard short form: no 中共…党组 wrapper, 人民政府 → 政府."""
    return name.removeprefix("中共").removesuffix("党组").replace("人民政府", "政府")


_BODY_OF_PLACE = ("政府", "党委", "党工委", "委员会", "办事处", "党组", "管委会", "管理委员会")


def names_agree(a: str, b: str) -> bool:
    """Same body: equal, one with its region prefix, or a place and its government
    (贤庠镇 / 贤庠镇人民政府, 株洲高新区 / 株洲高新区管委会). Bodies reporting together
    ("中共××县委 ××县人民政府", "中共××县委、××县人民政府") agree with the same bodies however
    they are separated, and with the government alone."""
    if _one_body_agrees(a, b):
        return True
    parts_a, parts_b = _JOINT.split(a.strip()), _JOINT.split(b.strip())
    if len(parts_a) == len(parts_b) == 1:
        return False
    if "".join(parts_a) == "".join(parts_b):
        return True
    # a joint 党委/政府 report and the government alone: the same report; two departments are not
    return any(
        _one_body_agrees(x, y)
        and all(_PARTY.search(other) for other in parts_a if other and other != x)
        and all(_PARTY.search(other) for other in parts_b if other and other != y)
        for x in parts_a
        if x
        for y in parts_b
        if y
    )


_JOINT = regex_cache.compile(r"[\s、]+")  # between the names of bodies reporting together
_PARTY = regex_cache.compile(r"^中共|(?:党委|党工委|党组|[省市区县州旗镇乡]委|委员会)$")  # a Party committee


def _one_body_agrees(a: str, b: str) -> bool:
    a, b = _short(a), _short(b)
    if a == b or a.endswith(b) or b.endswith(a):
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and longer[len(shorter) :] in _BODY_OF_PLACE


def as_written(name: str, text: str, known: Iterable[str]) -> str:
    """``name`` as ``text`` goes on to write it: the opening's name is read up to its first
    局/镇/政府 ("国家税务总局", "永宁镇"), so when a name the title or the signature gives
    (国家税务总局株洲市税务局) begins with it and ``text`` writes that name out, that is the one."""
    start = text.find(name)
    if start < 0:
        return name
    longer = [k for k in known if len(k) > len(name) and k.startswith(name) and text.startswith(k, start)]
    return max(longer, key=len) if longer else name
