"""Find the region that gives a report and resolve it to its full administrative name and code.

Divisions come from jionlp's ``dictionary/china_location.txt`` (provinces, cities and
counties with their GB/T 2260 codes and short names: 宜宾市 → 宜宾); the file is read directly,
without importing jionlp, and only once. A short name that is also a common word (振兴, 平安: a
headword of jionlp's ``chinese_word_dictionary``) never names a region on its own. The one-character abbreviations (简称) of the provinces,
autonomous regions and municipalities are the official nationwide list the Ministry of Civil Affairs
publishes with the division codes (中华人民共和国行政区划简册: 陕 for 陕西省, 渝 for 重庆市 …).
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_LEVELS = ("province", "city", "county")
_MEETING_RE = re.compile(r"在([^\s,、。:在]{2,24}?)第?[一二三四五六七八九十\d]+届(?:人民代表大会|人大)")
#: A meeting named anywhere (a news write-up: 2月19日,某市某区第六届人民代表大会第四次会议…).
_BODY_MEETING_RE = re.compile(
    r"([^\s,、。:；！？在】]{2,24}?)第?[一二三四五六七八九十\d]+届(?:人民代表大会|人大)"
)
_TITLE_RE = re.compile(r"^(?:(?:19|20)\d\d年)?([^\d年]{2,24}?)(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告")
_GOVERNMENT_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗))人民政府")
#: The speaker's own government, named anywhere: 我代表某某县人民政府 (区政府筹备组), 某某县人民政府向大会报告.
_SPEAKER_RE = re.compile(
    r"代表([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗))(?:人民)?政府"
    r"|([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗))人民政府[,，]?向(?:大会|会议)"
)
_SUFFIX_LEVELS = (
    ("自治区", "province"),
    ("省", "province"),
    ("街道", "township"),
    ("镇", "township"),
    ("乡", "township"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("县", "county"),
    ("区", "county"),
    ("旗", "county"),
)
_MAX_NAME = 12
#: The speaker's government without a name (我代表市人民政府), or an acting head (代市长) in a news
#: write-up: the suffix tells the kind of division.
_UNNAMED_SPEAKER_RE = re.compile(
    r"代表(自治区|自治州|自治县|省|市|州|盟|县|区|旗)人民政府|代(省|市|州|县|区)长"
)
#: The opening paragraphs, where an unnamed speaker's region is named by its short name (宜宾在全省…).
_OPENING_CHARS = 1500
_MIN_SHORT_NAME_HITS = 2
#: Over the whole text a short name must be named this often and twice as often as any other.
_MIN_TEXT_HITS = 5
#: The State Council's own report (我代表国务院): the region is the country.
_STATE_COUNCIL_RE = re.compile(
    r"代表(?:中华人民共和国)?(?:国务院|中央人民政府)|国务院(?:的决定|的委托|向大会|总理)"
    r"|向(?:第[一二三四五六七八九十]+届)?全国人民代表大会(?:第[一二三四五六七八九十]+次会议)?(?:作|报告|提出)"
)
#: A new area's administrative committee speaking for it (我代表大鹏新区管理委员会, 新区管委会): not a
#: division of GB/T 2260, named as written and placed under the city the text names most.
_ZONE_SPEAKER_RE = re.compile(r"代表([\u4e00-\u9fff]{0,8}新区)[^,。:]{0,8}?(?:管理委员会|管委会)")
# fmt: off
_PROVINCE_ABBREVIATIONS = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "蒙": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省",
    "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省",
    "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "蜀": "四川省",
    "黔": "贵州省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "陇": "甘肃省",
    "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}
# fmt: on
#: A visit to the region named by its abbreviation (习近平总书记来陕考察): fixed phrases of the genre.
_ABBREVIATION_VISIT_RE = re.compile(rf"(?:来|莅)([{''.join(_PROVINCE_ABBREVIATIONS)}])(?:考察|视察|调研)")


@dataclass(frozen=True)
class Region:
    """A region as written in the report and, when known, its full name, code and level."""

    name: str = ""
    full: str = ""
    code: str | None = None
    level: str | None = None


#: The country, for the State Council's reports (GB/T 2260 gives no code to the country itself).
COUNTRY = Region("中华人民共和国", "中华人民共和国", None, "country")


@dataclass(frozen=True)
class _Division:
    name: str
    alias: str
    code: str
    level: str
    parent: int | None


def _dictionary_lines(name: str) -> list[str]:
    """The lines of one of jionlp's dictionary files, read without importing jionlp (its import prints
    a banner). A fresh install ships only ``name.zip``; jionlp unzips it on first use, so read either.
    """
    spec = importlib.util.find_spec("jionlp")
    folder = Path(spec.submodule_search_locations[0]) / "dictionary"
    text_file = folder / f"{name}.txt"
    if text_file.exists():
        return text_file.read_text(encoding="utf-8").splitlines()
    with zipfile.ZipFile(folder / f"{name}.zip") as archive:
        return archive.read(f"{name}.txt").decode("utf-8").splitlines()


@lru_cache(maxsize=1)
def _divisions() -> tuple[tuple[_Division, ...], dict[str, tuple[int, ...]]]:
    """All provinces, cities and counties, and an index from full name to positions.

    Placeholder levels (省直辖行政区划, a municipality's city level) are skipped: their
    children hang from the province.
    """
    divisions: list[_Division] = []
    current: list[int | None] = [None, None, None]
    for line in _dictionary_lines("china_location"):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) != 3:
            continue
        name, code, alias = fields
        parent = current[depth - 1] if depth else None
        placeholder = "直辖" in name or (parent is not None and divisions[parent].name == name)
        if placeholder:
            current[depth] = parent
            continue
        current[depth] = len(divisions)
        divisions.append(_Division(name, alias, code, _LEVELS[depth], parent))
    index: dict[str, list[int]] = {}
    for i, division in enumerate(divisions):
        index.setdefault(division.name, []).append(i)
    return tuple(divisions), {name: tuple(ids) for name, ids in index.items()}


def _ancestors(i: int) -> list[int]:
    divisions = _divisions()[0]
    chain = []
    parent = divisions[i].parent
    while parent is not None:
        chain.append(parent)
        parent = divisions[parent].parent
    return chain


def resolve_region(name: str, context: str = "") -> Region:
    """Resolve a written region name to its full name, code and level.

    A name shared by several divisions (朝阳区) is settled by how often each one's
    province and city appear in ``context``; ties go to the lowest code.

    >>> resolve_region("长沙市岳麓区")
    Region(name='长沙市岳麓区', full='湖南省长沙市岳麓区', code='430104', level='county')
    >>> resolve_region("朝阳区", "吉林省长春市").full
    '吉林省长春市朝阳区'
    >>> resolve_region("青山县")
    Region(name='青山县', full='青山县', code=None, level='county')
    """
    divisions, index = _divisions()
    options: tuple[int, ...] = ()
    position = 0
    while position < len(name):
        for length in range(min(_MAX_NAME, len(name) - position), 1, -1):
            found = index.get(name[position : position + length], ())
            if options:
                found = tuple(i for i in found if set(options) & set(_ancestors(i)))
            if found:
                options, position = found, position + length
                break
        else:
            break
    rest = name[position:]
    if not options:
        return Region(name, name, None, _suffix_level(name))
    best = _division_region(max(options, key=lambda i: (_context_score(i, context), -int(divisions[i].code))))
    if rest and _suffix_level(rest) == "township" and best.level == "county":
        return Region(name, best.full + rest, None, "township")
    return Region(name[:position], best.full, best.code, best.level)


def _division_region(i: int) -> Region:
    """The region of division ``i``: its name, full name from the province down, code and level."""
    divisions = _divisions()[0]
    path = [divisions[j].name for j in reversed(_ancestors(i))] + [divisions[i].name]
    return Region(divisions[i].name, "".join(path), divisions[i].code, divisions[i].level)


def _context_score(i: int, context: str) -> int:
    divisions = _divisions()[0]
    return sum(context.count(divisions[j].alias or divisions[j].name) for j in _ancestors(i))


def _suffix_level(name: str) -> str | None:
    """Administrative level implied by a name's suffix (县 → county), or None."""
    return next((level for suffix, level in _SUFFIX_LEVELS if name.endswith(suffix)), None)


def find_region(front: str, title: str, text: str) -> Region:
    """The region giving the report: from the meeting line, the title, 某某区人民政府 phrases, then the
    speaker's government named anywhere (我代表某某县人民政府, 某某县人民政府向大会…), then the first
    division holding a 人民代表大会 meeting anywhere in the text (a news write-up of a report).
    A phrase may begin with words before the name (我代表上杭县): its longest known tail is the region.

    ``front`` is the front matter, ``title`` the report title, ``text`` the whole text (context).
    A page title can name the wrong region: one the body never names again comes after the
    人民政府 phrases of the front matter.

    >>> find_region("——2020年1月8日在岳麓区第十七届人民代表大会第四次会议上", "", "长沙市").full
    '湖南省长沙市岳麓区'
    >>> find_region("在长沙市岳麓区十七届人大四次会议上", "", "").code
    '430104'
    >>> find_region("攸县政府工作报告\\n安远县人民政府县长", "攸县政府工作报告", "攸县政府工作报告\\n安远县").code
    '360726'
    >>> find_region("", "", "2月19日,长沙市岳麓区第十七届人民代表大会第四次会议开幕。").full
    '湖南省长沙市岳麓区'
    >>> find_region("各位代表:\\n现在,我代表攸县人民政府,向大会报告工作", "", "").full
    '湖南省株洲市攸县'
    >>> find_region("", "", "代市长张三在报告中提出,宜宾要加快发展,宜宾先行。").full
    '四川省宜宾市'
    >>> find_region("各位代表:\\n现在,我代表国务院,向大会作政府工作报告", "", "").full
    '中华人民共和国'
    """
    flat = front.replace("\n", "")
    if _STATE_COUNCIL_RE.search((text or front)[:_OPENING_CHARS].replace("\n", "")):
        return COUNTRY
    meeting = _MEETING_RE.search(flat)
    named = title_region_name(title)
    government = [m.group(1) for m in _GOVERNMENT_RE.finditer(front)]
    in_body = bool(named) and text.replace(title, "").count(named) > 0
    first = [meeting.group(1)] if meeting else []
    written = [c for c in [*first, named] if c and _suffix_level(c)]
    candidates = first + ([named, *government] if in_body or not government else [*government, named])
    candidates = [c for c in candidates if c]
    for candidate in candidates:
        region = resolve_region(candidate, text)
        if region.code or region.level == "township" and region.full != region.name:
            return region
    flat_text = text.replace("\n", "")
    phrases = [*government, *(m.group(1) or m.group(2) for m in _SPEAKER_RE.finditer(flat_text))]
    meeting_anywhere = _BODY_MEETING_RE.search(flat_text)
    phrases += [meeting_anywhere.group(1)] if meeting_anywhere else []
    for words in phrases:
        region = _resolve_tail(words, text)
        if region.code:
            return region
    if written:
        return resolve_region(written[0])
    zone = _ZONE_SPEAKER_RE.search(flat_text)
    if zone:
        return _zone_region(zone.group(1), text)
    speaker = _UNNAMED_SPEAKER_RE.search(flat_text)
    return _unnamed_speaker_region(speaker.group(1) or speaker.group(2), text) if speaker else Region()


def _unnamed_speaker_region(suffix: str, text: str) -> Region:
    """The region of a speaker who names only the kind of government (我代表市人民政府, ``suffix`` 市):
    the division ending with ``suffix`` whose full name the text writes most often (at least five
    times, twice as often as any other); else the one whose short name the opening paragraphs write
    most often (at least twice, more often than any other, the short name no other division's; a
    division whose city or province the text names weighs double); else the province whose
    abbreviation every visit phrase names (来陕考察).

    >>> _unnamed_speaker_region("市", "过去五年,是宜宾发展的五年。宜宾在全省的地位更加凸显。").full
    '四川省宜宾市'
    >>> _unnamed_speaker_region("省", "总书记来陕考察,深入学习总书记来陕考察重要讲话。").code
    '610000'
    >>> _unnamed_speaker_region("市", "宜宾发展,泸州发展。")
    Region(name='', full='', code=None, level=None)
    >>> _unnamed_speaker_region("区", "深圳发展。宝安新建学校,宝安新建医院,宝安新建公园,新建道路。").full
    '广东省深圳市宝安区'
    """
    divisions, _ = _divisions()
    owned = [
        i
        for i, d in enumerate(divisions)
        if d.name.endswith(suffix) and d.alias and _short_name_owner(d.alias) == i
    ]
    full_names = sorted({d.name for d in divisions if d.name.endswith(suffix) and len(d.name) > 2})
    ranked = sorted(((name, text.count(name)) for name in full_names), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= _MIN_TEXT_HITS and ranked[1][1] * 2 < ranked[0][1]:
        region = resolve_region(ranked[0][0], text)
        if region.code:
            return region
    for scope, least, factor in ((text[:_OPENING_CHARS], _MIN_SHORT_NAME_HITS, 1), (text, _MIN_TEXT_HITS, 2)):
        # a division whose city or province the text names weighs double (宝安 in a text naming 深圳
        # beats 新建, a common verb that is also a district's short name elsewhere)
        hits = [(i, scope.count(divisions[i].alias)) for i in owned]
        ranked = sorted(
            ((i, n, n * (2 if n and _context_score(i, text) else 1)) for i, n in hits), key=lambda x: -x[2]
        )
        if ranked and ranked[0][1] >= least and (len(ranked) < 2 or ranked[1][2] * factor < ranked[0][2]):
            return _division_region(ranked[0][0])
    provinces = {_PROVINCE_ABBREVIATIONS[m.group(1)] for m in _ABBREVIATION_VISIT_RE.finditer(text)}
    if len(provinces) == 1 and next(iter(provinces)).endswith(suffix):
        return resolve_region(provinces.pop())
    return Region()


def _zone_region(name: str, text: str) -> Region:
    """A new area (某某新区) named by its committee: as written, under the city its text names most
    often (by full or short name); a bare 新区 takes the name the text gives it (光明新区).

    >>> _zone_region("大湾新区", "宜宾市大湾新区建设。宜宾大湾新区。").full
    '四川省宜宾市大湾新区'
    >>> _zone_region("新区", "光河新区发展。光河新区建设。") == Region("光河新区", "光河新区", None, "zone")
    True
    """
    if name == "新区":
        named = re.findall(r"([\u4e00-\u9fff]{2})新区", text)
        name = max(sorted(set(named)), key=named.count) + "新区" if named else name
    divisions, _ = _divisions()
    counts = {}
    for i, d in enumerate(divisions):
        if d.level == "city":
            hits = text.count(d.name) + (
                text.count(d.alias) if d.alias and _short_name_owner(d.alias) == i else 0
            )
            if hits:
                counts[i] = hits
    if counts:
        city = _division_region(max(sorted(counts), key=counts.get))
        return Region(name, city.full + name, None, "zone")
    return Region(name, name, None, "zone")


@lru_cache(maxsize=1)
def _short_names() -> dict[str, tuple[int, ...]]:
    """Every division short name (宜宾) and the divisions that have it."""
    owners: dict[str, list[int]] = {}
    for i, division in enumerate(_divisions()[0]):
        owners.setdefault(division.alias, []).append(i)
    return {alias: tuple(ids) for alias, ids in owners.items()}


def _short_name_owner(alias: str) -> int | None:
    """The one division a short name belongs to, or None when several share it (长宁: 县 and 区) or
    it is a common word (振兴).

    >>> _short_name_owner("宜宾") is not None, _short_name_owner("长宁"), _short_name_owner("振兴")
    (True, None, None)
    """
    owners = _short_names().get(alias, ())
    return owners[0] if len(owners) == 1 and alias not in common_words() else None


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The headwords of jionlp's dictionary of common Chinese words (read once).

    >>> "资源" in common_words(), "华为" in common_words()
    (True, False)
    """
    return frozenset(line.split("\t", 1)[0] for line in _dictionary_lines("chinese_word_dictionary"))


def _resolve_tail(words: str, context: str) -> Region:
    """The longest tail of ``words`` that resolves to a known division (召开了长沙市岳麓区 → 长沙市岳麓区).

    >>> _resolve_tail("隆重召开的长沙市岳麓区", "").code
    '430104'
    """
    for start in range(len(words) - 1):
        region = resolve_region(words[start:], context)
        if region.code:
            return region
    return Region()


def title_region_name(title: str) -> str:
    """The region a report title names, as written, or "".

    >>> title_region_name("2021年长沙市岳麓区政府工作报告"), title_region_name("政府工作报告")
    ('长沙市岳麓区', '')
    """
    match = _TITLE_RE.search(title)
    return match.group(1) if match else ""


def division_list() -> tuple[tuple[Region, str, tuple[str, ...]], ...]:
    """Every province, city and county of the national list: its region (name, full name, code,
    level), its short name and the codes of the divisions above it, outermost first (for kg.divisions).

    >>> next(d for d in division_list() if d[0].code == "440305")
    (Region(name='南山区', full='广东省深圳市南山区', code='440305', level='county'), '南山', ('440000', '440300'))
    """
    divisions = _divisions()[0]
    return tuple(
        (_division_region(i), d.alias, tuple(divisions[j].code for j in reversed(_ancestors(i))))
        for i, d in enumerate(divisions)
    )
