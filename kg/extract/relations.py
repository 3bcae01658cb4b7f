"""Relations between named things: located in, takes part in, part of, project status and deadline.

Rules read one clause at a time (the text between ``,，;；:：。！？``): a verb applies to the
mentions of its own clause only, and to every item of a coordinated list ("甲、乙竣工" → both).
Two patterns the genre writes across a comma are read over the whole sentence
("以甲为依托，做大做优X产业", "将甲、乙串联起来，打造X线路"). Glossary definitions come from
:mod:`kg.extract.glossary`.

Every lexicon here is genre-wide (verbs, connectives, generic head nouns from the genre notes),
never a name from one report. All patterns are compiled once; each sentence is read a bounded
number of times, so the work is linear in the length of the report.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from kg.extract.glossary import extract_definitions
from kg.types import ENTITY_TYPES, Document, Mention, Relation, Sentence


def _words(text: str) -> list[str]:
    """The words of a space-separated lexicon line."""
    return text.split()


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word at a position."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_CLAUSE_RE = re.compile(r"[^,，;；:：。!！?？]+")
#: What may stand between two items of a coordinated list (nothing: "甲镇乙村").
_LIST_GAP_RE = re.compile(r"(?:、|和|及|以及|与|或|/)?")

#: Status verbs as the review part uses them (GENRE.md, "Status and time of projects").
_STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "竣工 竣工验收 建成 建成通车 建成投用 建成使用 建成运营 建成投产 投入使用 "
            "投入运营 投用 投产 开业 开园 贯通 全线贯通 完工 全部完工 全面完工 "
            "完工通车 通车 通过验收 交付使用 落成 完成 投入运行 投运 建成开放 对外开放 开放 "
            "正式运营 开业运营 招生 开学"
        ),
        "completed",
    ),
    **dict.fromkeys(
        _words(
            "加快推进 有序推进 稳步推进 顺利推进 高效推进 扎实推进 全力推进 强力推进 "
            "大力推进 重点推进 全面推进 加速推进 推进 加快建设 加快实施 有序实施 在建 "
            "续建 主体完工 基本完工 主体封顶 封顶 进展顺利 全面提速 提速 加快 竣工在即 "
            "即将建成投产 即将建成 即将投产 即将竣工 即将完工 即将投用 即将通车"
        ),
        "underConstruction",
    ),
    **dict.fromkeys(
        _words(
            "启动 全面启动 正式启动 启动建设 启动开发 开工 开工建设 落地开工 动工 "
            "破土动工 开建 奠基 签约 签约落地 落地 引进落地"
        ),
        "started",
    ),
    **dict.fromkeys(
        _words("争取 力争 力促 确保 谋划 规划 规划建设 前期工作 筹建 拟建 计划"),
        "planned",
    ),
}
#: Verbs that say nothing about a status in a review but make a plan in the plan part.
_PLAN_ONLY_WORDS = _words("建设 新建 改建 扩建 实施 打造 推动 加大 开发 改造 提质 创建")
_VERB_RE = re.compile(_alternation([*_STATUS_WORDS, *_PLAN_ONLY_WORDS]))
#: How far a verb may stand from the list it governs (characters), after and before it.
_AFTER_GAP, _BEFORE_GAP = 12, 6
#: What a verb before a project may stand apart from it by, however long: its investment
#: ("引进落地总投资3.5亿元的甲项目").
_INVESTMENT_RE = re.compile(
    r"(?:总|计划|累计)?投资(?:额)?(?:约|超|近|达)?\d+(?:\.\d+)?多?(?:万|亿)元(?:以上)?的?"
)
#: A section or phase written in brackets after a project's name: "甲铁路(乙县段)", "甲园(二期)".
#: It belongs to the name before it: it does not part that name from its verb.
_SECTION_RE = re.compile(r"[(（][^()（）,，;；:：。]{0,12}?(?:段|期)[)）]")
#: What follows a place that names a road section in brackets: "(乙县段)", "(乙县境内段)".
_PLACE_SECTION_RE = re.compile(r"(?:境内)?段[)）]")

_CN_DIGITS = "一二三四五六七八九十"
#: Deadlines as written: 6月底前, 9月30日前, 年内, 年底前, 上半年, 2020年底, 第三季度末 …
_DEADLINE_RE = re.compile(
    rf"(?:(?:19|20)\d\d年)?(?:\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})月(?:\d{{1,2}}日|份)?"
    rf"(?:(?:底|末|中旬|上旬|下旬)(?:前|以前|之前)?|前|以前|之前)"
    r"|(?:(?:19|20)\d\d年)(?:底|末)(?:前|以前|之前)?"
    r"|(?:今年)?(?:年内|年底前|年底|年末|上半年|下半年)"
    rf"|第[{_CN_DIGITS[:4]}1-4]季度末?(?:前)?"
)

#: Verbs that put a thing in a place: "甲移交乙经开区", "甲落户乙镇".
_LOCATE_RE = re.compile(
    _alternation(_words("移交 划归 划入 落户 落地 入驻 选址 位于 地处 坐落于 坐落在 迁入"))
)
#: What a place is: the types that may be located in a place.
_LOCATED = ("Place", "Project", "Company")
#: "甲项目在乙镇开工": at, then a place, then its tail (境内, 以东 …) and a verb.
_AT_RE = re.compile(r"(?:在|于)")
_PLACE_TAIL_RE = re.compile(
    r"(?:境内|辖区内|范围内|区域内|以东|以西|以南|以北|一带|附近)?(?:已|将|正式|成功|顺利|全面)*"
)
#: Between a place and the project it holds: "甲镇的乙项目", "甲县境内的乙高速".
_LINK_RE = re.compile(r"(?:境内|辖区内|范围内|区域内)?的?")
#: Verbs that build something somewhere: "在甲镇…建设乙".
_BUILD_RE = re.compile(
    _alternation(
        _words("建设 新建 兴建 建成 规划建设 规划和建设 打造 落户 布局 实施 启动 开工建设 启动建设 推进 改造")
    )
)
#: How far a build verb may stand after "在X", and its object after the verb (characters).
_BUILD_GAP, _OBJECT_GAP = 10, 4
#: Verbs by which a company takes part in a project or another company.
_PARTICIPATE_RE = re.compile(
    _alternation(
        _words(
            "重组控股 控股 收购 并购 重组 投资建设 投资兴建 投资开发 投资 承建 "
            "参与建设 参建 参与 运营 开发建设 入股 增资 合作开发 共建 牵头建设 建设 新建 兴建 打造"
        )
    )
)
#: Adverbs allowed between a subject and its verb ("甲已正式落户").
_ADVERB_RE = re.compile(r"(?:已|将|已经|正式|成功|全面|顺利|整体|拟)*")
#: After a verb of place: "落户在", "迁入到".
_AFTER_PLACE_VERB_RE = re.compile(r"(?:在|于|到)?")
#: "与甲合作开发乙", "与甲签约乙项目", "乙项目与甲集团成功签约".
_COOPERATE_RE = re.compile(
    r"与(?P<list>[^与,，;；:：。]{1,60}?)(?:成功|正式|集中)?"
    r"(?:合作|共同|联合|携手|签约|签订|签署)(?:开发|建设|投资|打造|运营|落地)?"
)

#: Head nouns of a named cluster, programme or route ("文旅产业群", "蔬菜产业", "精品线路").
#: "以甲为代表", "以甲为依托": 甲 stands for a cluster and is not the object of the verb before it.
_FRAME = "为(?:代表|龙头|依托|核心|支撑|引领|骨干|主体)"
_FRAME_RE = re.compile(_FRAME)
_CLUSTER_HEADS = (
    "产业群 产业集群 集群 群 产业链 产业 基地 园区 产业园 线路 业态 商圈 街区 示范区 示范园 经济带 走廊 板块"
)
_CLUSTER_END_RE = re.compile(rf"(?:{_alternation(_CLUSTER_HEADS.split())})$")
_OBJECT_TRIM_RE = re.compile(r"(?:的)?(?:发展|建设|工作|等)+$")
_CLUSTER_RE = re.compile(
    rf"以(?P<list>[^以,，;；:：。]{{1,80}}?){_FRAME}"
    r"(?:的(?P<obj1>[^,，;；:：。、]{2,24})"
    r"|[,，]?(?:做大做优|做大做强|做优做强|做强做优|做精做优|发展壮大|发展|打造|壮大|培育|形成)"
    r"(?P<obj2>[^,，;；:：。、]{2,24}))"
)
_ROUTE_RE = re.compile(
    r"将(?P<list>[^将,，;；:：。]{1,80}?)(?:等(?:项目|景点|景区|企业|基地|村)?)?"
    r"(?:串联|串连|连接|整合|串珠成链|连点成线)(?:起来|成线|成片)?[,，]?"
    r"(?:打造成|打造|形成|建成|构建|组成)(?P<obj>[^,，;；:：。]{2,30})"
)
_INCLUDE_RE = re.compile(r"纳入(?:到)?")
#: A head shared by a list of places: "甲、乙、丙三大片区棚户区改造", "甲河、乙河综合治理工程".
_PLACE_HEAD_RE = re.compile(
    rf"等?(?P<head>(?P<count>[{_CN_DIGITS}两\d]{{1,3}}[个大])?[^,，;；:：。、]{{0,12}}?"
    r"(?:改造|工程|项目|开发|治理|建设|整治|提质|征拆|修缮)(?:工程|项目)?)"
)
#: A shared head that is a clause or a programme, not the rest of a name: a verb of its own
#: ("甲街道完成老旧小区改造", "甲、乙等地签约项目"), "等地" ("and other places"), a title or campaign
#: ("省级示范乡镇建设", GENRE.md: titles won are honours).
_NOT_A_HEAD_RE = re.compile(
    rf"^地|{_alternation([*_STATUS_WORDS, *_words('签订 引进 实施 开展 抓好 做好 创建 争创')])}"
    r"|示范|省级|市级|国家级|全国|全省|全市|文明|美丽"
)
#: The kinds of works a shared head may name; anything else is an activity of the places
#: (扩区提质, 转型升级, 更新改造, 沿岸综合整治), not a project of each. A works noun ends a named
#: work ("甲河、乙河综合治理工程"); renewal of a kind of old built area is one (GENRE.md:
#: "某某片区棚户区改造"); governing a river or lake is one ("甲河综合治理", as the shared gold
#: takes 杉旭河综合治理 for a name of the river's works).
_WORKS_NOUN_RE = re.compile(r"^..+(?:工程|项目)$")
_RENEWAL_RE = re.compile(r"^(?:棚户区|城中村|老旧小区|旧城|老城区?|危旧房)(?:更新)?(?:改造|征拆)$")
_GOVERNANCE_RE = re.compile(r"^(?:流域)?(?:水环境|水生态|生态)?(?:综合)?(?:治理|整治)$")
#: Water bodies and basins, the places whose governance is named by the place ("甲河综合治理").
_WATER_RE = re.compile(r"(?:河|江|湖|溪|渠|水库|流域|水系|湿地)$")
#: A counted list of areas: "甲、乙路、丙三大片区…" names three areas.
_AREA_START_RE = re.compile(r"(?:片区|区域|街区|社区|村|镇|乡|街道|地块|板块|组团)")
#: A place name must leave at least this much of a project's name to be read as its location.
_MIN_REMAINDER = 2


def extract_relations(doc: Document, mentions: Sequence[Mention]) -> tuple[Relation, ...]:
    """All relations of ``doc``: locatedIn, participatesIn, partOf, status, deadline, definition.

    Parameters
    ----------
    doc : the ingested report (sentences carry ``part`` and ``year``).
    mentions : the typed mentions found in ``doc`` (offsets into ``doc.text``).

    Returns
    -------
    The relations, each with its sentence and evidence span, sorted and without duplicates.

    Example
    -------
    >>> text = "甲镇乙村丙项目竣工。"
    >>> doc = Document(text=text, sentences=(Sentence(0, text, 0, len(text), None, 2019, "review"),),
    ...                sections=())
    >>> ms = [Mention("甲镇", "Place", 0, 0, 2), Mention("乙村", "Place", 0, 2, 4),
    ...       Mention("丙项目", "Project", 0, 4, 7)]
    >>> [(r.subject, r.predicate, r.object) for r in extract_relations(doc, ms)]
    [('乙村', 'locatedIn', '甲镇'), ('丙项目', 'locatedIn', '乙村'), ('丙项目', 'status', 'completed')]
    """
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    found: list[Relation] = []
    for sentence in doc.sentences:
        inside = by_sentence.get(sentence.index)
        if not inside or sentence.part == "glossary":
            continue
        top = _top_level(inside)
        found.extend(_sentence_relations(doc.text, sentence, top, inside))
    found.extend(_related_by_name(mentions))
    found.extend(extract_definitions(doc, mentions))
    unique = {(r.sentence, r.start, r.end, r.predicate, r.subject, r.object): r for r in found}
    return tuple(unique[key] for key in sorted(unique))


def _top_level(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions not nested in another, one per span (the type listed first in ENTITY_TYPES wins).

    >>> [m.name for m in _top_level([Mention("甲镇", "Place", 0, 0, 2), Mention("甲镇学校", "Project", 0, 0, 4)])]
    ['甲镇学校']
    """
    rank = {t: i for i, t in enumerate(ENTITY_TYPES)}
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end, rank.get(m.type, len(rank)), m.name))
    top: list[Mention] = []
    for mention in ordered:
        if top and mention.end <= top[-1].end:
            continue
        if top and mention.start < top[-1].end:
            continue  # overlapping spans: keep the earlier one
        top.append(mention)
    return top


def _sentence_relations(
    text: str, sentence: Sentence, top: list[Mention], every: list[Mention]
) -> Iterator[Relation]:
    """The relations of one sentence: clause rules, then the patterns that cross a comma."""
    for clause in _CLAUSE_RE.finditer(text, sentence.start, sentence.end):
        start, end = clause.span()
        inside = [m for m in top if start <= m.start and m.end <= end]
        sections = [(m, _SECTION_RE.match(text, m.end)) for m in inside if m.type == "Project"]
        sections = [(project, match) for project, match in sections if match]
        yield from _section_places(text, sentence.index, sections, inside)
        inside = [m for m in inside if not any(s.start() < m.start < s.end() for _, s in sections)]
        if not inside:
            continue
        groups = _groups(text, inside)
        verbs = [v for v in _VERB_RE.finditer(text, start, end) if not _overlaps(v, every)]
        yield from _status_and_deadline(text, sentence, groups, inside, verbs, start, end, every)
        yield from _located_in_clause(text, sentence, groups, inside, verbs, start, end)
        yield from _participation_in_clause(text, sentence, groups, inside, start, end)
    yield from _cluster_membership(text, sentence, top)
    yield from _included_in(text, sentence, top)


def _section_places(text, index, sections, inside) -> Iterator[Relation]:
    """A project is in the place that names its section in brackets: "甲铁路(乙县段)" → 乙县."""
    for project, section in sections:
        for place in inside:
            if (
                place.type == "Place"
                and place.start == section.start() + 1
                and _PLACE_SECTION_RE.fullmatch(text, place.end, section.end())
            ):
                yield _relation(
                    project, "locatedIn", place.name, "Place", index, _span(project), section.span()
                )


def _after_section(text: str, position: int) -> int:
    """Where the text after a name continues, past a bracketed section or phase ("(乙县段)", "(二期)").

    >>> _after_section("甲路(乙县段)建成", 2), _after_section("甲路(扩建)", 2)
    (7, 2)
    """
    section = _SECTION_RE.match(text, position)
    return section.end() if section else position


def _overlaps(match: re.Match, mentions: Sequence[Mention]) -> bool:
    """Whether a verb match falls inside a name ("开发" in "某某片区开发项目")."""
    return any(m.start < match.end() and match.start() < m.end for m in mentions)


def _groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Coordinated lists: runs of mentions joined by 、和及与 or nothing, a bracketed section aside.

    >>> t = "甲路、乙路和丙桥建成,丁园"
    >>> ms = [Mention("甲路", "Project", 0, 0, 2), Mention("乙路", "Project", 0, 3, 5),
    ...       Mention("丙桥", "Project", 0, 6, 8), Mention("丁园", "Project", 0, 11, 13)]
    >>> [[m.name for m in g] for g in _groups(t, ms)]
    [['甲路', '乙路', '丙桥'], ['丁园']]
    """
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and _LIST_GAP_RE.fullmatch(text, _after_section(text, groups[-1][-1].end), mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _relation(subject: Mention, predicate: str, obj: str, obj_type: str | None, sentence: int, *spans):
    """A relation whose evidence runs from the first to the last of ``spans`` (start, end pairs)."""
    return Relation(
        subject.name,
        subject.type,
        predicate,
        obj,
        obj_type,
        sentence,
        min(s for s, _ in spans),
        max(e for _, e in spans),
    )


# ---------------------------------------------------------------------------------------------- status


def _status_and_deadline(text, sentence, groups, inside, verbs, start, end, every) -> Iterator[Relation]:
    """``status`` and ``deadline`` of the projects of one clause."""
    deadlines = [d for d in _DEADLINE_RE.finditer(text, start, end) if not _overlaps(d, every)]
    for group in groups:
        projects = [m for m in group if m.type == "Project"]
        if not projects or _FRAME_RE.match(text, group[-1].end):
            continue
        found = _group_status(text, group, inside, verbs, sentence.part)
        for project in projects:
            if found:
                status, verb = found
                yield _relation(project, "status", status, None, sentence.index, _span(project), verb.span())
            for deadline in deadlines:
                yield _relation(
                    project,
                    "deadline",
                    deadline.group(),
                    None,
                    sentence.index,
                    _span(project),
                    deadline.span(),
                )


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def _group_status(text, group, inside, verbs, part) -> tuple[str, re.Match] | None:
    """The status a list gets from the verbs of its clause, with the verb that gave it.

    The nearest verb after the list counts first (a bracketed section after it aside), else the
    nearest before it (an investment between aside: "落地总投资3亿元的甲项目"); no other name
    may stand between. A plan marker (争取, 确保, 前期工作 …) makes it ``planned``; in the plan
    part every status or plan verb does.
    """
    first, last = group[0].start, _after_section(text, group[-1].end)
    others = [m for m in inside if m not in group]
    after = [v for v in verbs if last <= v.start() <= last + _AFTER_GAP and _clear(others, last, v.start())]
    before = [v for v in verbs if _close_before(text, v.end(), first) and _clear(others, v.end(), first)]
    near = after[:1] + before[-1:]
    if part == "plan":
        return ("planned", near[0]) if near else None
    ranked = [(v, _STATUS_WORDS[v.group()]) for v in after + before[::-1] if v.group() in _STATUS_WORDS]
    for verb, status in ranked:
        if status == "planned":
            return status, verb
    return (ranked[0][1], ranked[0][0]) if ranked else None


def _close_before(text: str, verb_end: int, first: int) -> bool:
    """Whether a verb ending at ``verb_end`` is close enough before a list starting at ``first``.

    >>> _close_before("落地总投资3.5亿元的甲项目", 2, 11), _close_before("落地于多年以前的某地的甲项目", 2, 11)
    (True, False)
    """
    return 0 <= first - verb_end <= _BEFORE_GAP or bool(_INVESTMENT_RE.fullmatch(text, verb_end, first))


def _clear(mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether no mention starts between ``start`` and ``end``."""
    return not any(start <= m.start < end for m in mentions)


# ---------------------------------------------------------------------------------------------- located in


def _located_in_clause(text, sentence, groups, inside, verbs, start, end) -> Iterator[Relation]:
    """locatedIn from one clause: names written together, place lists with a shared head (and the
    status of a project such a head implies), a thing placed by a verb (Y落户X, Y在X开工), a place
    before a thing (X的Y, X境内Y), 在X…建设Y."""
    index = sentence.index
    for position, group in enumerate(groups):
        for place, thing in itertools.pairwise(group):
            if place.type == "Place" and thing.start == place.end and thing.type in _LOCATED:
                yield _relation(thing, "locatedIn", place.name, "Place", index, _span(place), _span(thing))
        yield from _shared_head(text, sentence, group, inside, verbs, end)
        yield from _placed_by_verb(text, index, group, groups[position + 1 :], end)
        if position + 1 < len(groups):
            yield from _place_before(text, index, group, groups[position + 1], end)


def _placed_by_verb(text, index, group, following, end) -> Iterator[Relation]:
    """Things a verb puts in the place of the next list: "甲落户乙镇", "甲项目在乙镇开工".

    A company that settles in a project (a park, a complex: "甲公司入驻乙产业园") takes part in it.
    """
    if not following:
        return
    gap = _ADVERB_RE.match(text, group[-1].end, end).end()
    verb = _LOCATE_RE.match(text, gap, end)
    at = _AT_RE.match(text, gap, end) if verb is None else None
    if verb is not None:
        gap = _ADVERB_RE.match(text, _AFTER_PLACE_VERB_RE.match(text, verb.end(), end).end(), end).end()
    elif at is not None:
        gap = at.end()
    target = following[0]
    if (verb or at) is None or target[0].start != gap:
        return
    if at is not None and not _is_verb_at(text, _PLACE_TAIL_RE.match(text, target[-1].end, end).end(), end):
        return
    places = _innermost_places(target)
    for thing in group:
        if verb is not None and thing.type == "Company" and target[0].type == "Project":
            yield _relation(
                thing, "participatesIn", target[0].name, "Project", index, _span(thing), _span(target[0])
            )
        if thing.type not in _LOCATED or (at is not None and thing.type != "Project"):
            continue
        for place in places:
            yield _relation(thing, "locatedIn", place.name, "Place", index, _span(thing), _span(place))


def _is_verb_at(text: str, position: int, end: int) -> bool:
    """Whether a status, build or place verb starts at ``position`` ("开工", "建设", "落地").

    >>> _is_verb_at("乙镇开工", 2, 4), _is_verb_at("乙镇人民", 2, 4)
    (True, False)
    """
    return any(r.match(text, position, end) for r in (_VERB_RE, _BUILD_RE, _LOCATE_RE))


def _innermost_places(group: Sequence[Mention]) -> list[Mention]:
    """The places of a list, the innermost of each run written together ("甲镇乙村、丙镇" → 乙村, 丙镇).

    >>> ms = [Mention("甲镇", "Place", 0, 0, 2), Mention("乙村", "Place", 0, 2, 4), Mention("丙镇", "Place", 0, 5, 7)]
    >>> [m.name for m in _innermost_places(ms)]
    ['乙村', '丙镇']
    """
    places = [m for m in group if m.type == "Place"]
    return [p for p, nxt in zip(places, [*places[1:], None]) if nxt is None or nxt.start != p.end]


def _place_before(text, index, group, nxt, end) -> Iterator[Relation]:
    """Projects of the list ``nxt`` located in the places that end ``group``.

    "甲镇的乙项目", "甲镇境内的乙项目" (the place right before the project), and "在甲镇…建设乙"
    (a build verb at most a few characters after the place, the projects right after the verb).
    """
    last = group[-1]
    if last.type != "Place":
        return
    places = [
        m
        for m in _innermost_places(group)
        if m.end == last.end or _LIST_GAP_RE.fullmatch(text, m.end, last.start)
    ]
    projects = [m for m in nxt if m.type == "Project"]
    if not projects:
        return
    between = text[last.end : nxt[0].start]
    if between and _LINK_RE.fullmatch(between):
        evidence = (group[0].start, group[-1].end)
    elif text[group[0].start - 1 : group[0].start] in ("在", "于"):
        build = _BUILD_RE.search(text, last.end, min(last.end + _BUILD_GAP, nxt[0].start))
        if build is None or nxt[0].start - build.end() > _OBJECT_GAP:
            return
        evidence = (group[0].start - 1, group[-1].end)
    else:
        return
    for project in projects:
        for place in places:
            yield _relation(project, "locatedIn", place.name, "Place", index, evidence, _span(project))


def _shared_head(text, sentence, group, inside, verbs, end) -> Iterator[Relation]:
    """Places that share a head: "甲、乙、丙三大片区棚户区改造" is in each of 甲, 乙, 丙.

    The head is a Project mention written right after the places, else the phrase up to a
    project word (改造, 工程, 治理 …) when it names a kind of works (:func:`_names_works`). A
    counted phrase is one project in every place; an uncounted one is one project per place:
    "甲河、乙河等综合治理" is 甲河综合治理 in 甲河 and 乙河综合治理 in 乙河. A project implied so
    takes its status from the verbs of the clause as a list does ("强力实施…" in the plan: planned).
    Applies to two or more places joined by 、和及与; places written together ("甲镇乙村") are
    nested, not coordinated.
    """
    places, head = _coordinated_places(text, group)
    counted = _PLACE_HEAD_RE.match(text, group[-1].end, end)
    areas = counted and counted.group("count") and _AREA_START_RE.match(text, counted.end("count"))
    if areas and all(
        m.type in ("Place", "Project") and m.end < n.start for m, n in itertools.pairwise(group)
    ):
        places, head = group, None  # "五大片区": every item is an area, whatever its name looks like
    if len(places) < 2:
        return
    index, last = sentence.index, places[-1].end
    if head is not None:
        for place in places:
            yield _relation(head, "locatedIn", place.name, "Place", index, _span(place), (last, head.end))
        return
    match = _PLACE_HEAD_RE.match(text, last, end)
    if match is None or not _names_works(match.group("head"), match.group("count"), places):
        return
    span = match.start("head"), match.end()
    names = [match.group("head") if match.group("count") else p.name + match.group("head") for p in places]
    subjects = {name: Mention(name, "Project", index, *span) for name in names}
    for place, name in zip(places, names, strict=True):
        yield _relation(
            subjects[name], "locatedIn", place.name, "Place", index, _span(place), (last, span[1])
        )
    found = _group_status(text, [*places, Mention("", "Project", index, *span)], inside, verbs, sentence.part)
    for subject in subjects.values() if found else ():
        yield _relation(subject, "status", found[0], None, index, span, found[1].span())


def _names_works(head: str, count: str | None, places: Sequence[Mention]) -> bool:
    """Whether a head shared by ``places`` names a kind of works, not an activity of the places.

    A works noun ends it ("…工程", "…项目"), or it renews a kind of old built area (棚户区改造),
    or it governs rivers and lakes (综合治理 after 甲河, 乙湖). A counted head is read after its
    count and area word ("五大片区" + "棚户区改造"). No verb of its own, title or campaign.

    >>> river, zone = [Mention("甲河", "Place", 0, 0, 2)], [Mention("乙综合保税区", "Place", 0, 0, 6)]
    >>> _names_works("综合治理", None, river), _names_works("综合治理", None, zone)
    (True, False)
    >>> _names_works("扩区提质", None, zone), _names_works("沿岸综合整治", None, river)
    (False, False)
    >>> _names_works("五大片区棚户区改造", "五大", zone), _names_works("沿岸综合整治工程", None, river)
    (True, True)
    >>> _names_works("完成棚户区改造", None, river), _names_works("地签约项目", None, river)
    (False, False)
    """
    rest = head[len(count) :] if count else head
    area = _AREA_START_RE.match(rest) if count else None
    rest = rest[area.end() :] if area else rest
    if _NOT_A_HEAD_RE.search(rest):
        return False
    if _WORKS_NOUN_RE.match(rest) or _RENEWAL_RE.match(rest):
        return True
    return bool(_GOVERNANCE_RE.match(rest)) and all(_WATER_RE.search(p.name) for p in places)


def _coordinated_places(text: str, group: list[Mention]) -> tuple[list[Mention], Mention | None]:
    """The run of coordinated places that ends a list, and the Project written right after it.

    >>> t = "甲湾、乙街和丙桥片区改造"
    >>> ms = [Mention("甲湾", "Place", 0, 0, 2), Mention("乙街", "Place", 0, 3, 5),
    ...       Mention("丙桥", "Place", 0, 6, 8), Mention("片区改造", "Project", 0, 8, 12)]
    >>> places, head = _coordinated_places(t, ms)
    >>> [p.name for p in places], head.name
    (['甲湾', '乙街', '丙桥'], '片区改造')
    """
    last = max((i for i, m in enumerate(group) if m.type == "Place"), default=None)
    if last is None:
        return [], None
    head = group[last + 1] if last + 1 < len(group) else None
    if head is not None and (head.type != "Project" or head.start != group[last].end):
        return [], None
    run = [group[last]]
    for mention in reversed(group[:last]):
        if mention.type != "Place" or mention.end == run[0].start:
            break
        run.insert(0, mention)
    return run, head


def _related_by_name(mentions: Sequence[Mention]) -> Iterator[Relation]:
    """What a project's name says (GENRE.md: names carry their investor or place).

    A name that begins with a place's name is in that place ("甲镇污水处理厂" → 甲镇), else a road
    section names its place ("G1高速乙乡段改造" → 乙乡); a name that begins with a company's name
    has that company take part ("丙电子产业园" → 丙电子). The longest name wins and must leave at
    least two characters ("甲山路" is not in 甲山). Evidence is the project's first mention.

    >>> ms = [Mention("甲镇", "Place", 0, 0, 2), Mention("甲镇污水处理厂", "Project", 1, 9, 16),
    ...       Mention("乙乡", "Place", 0, 3, 5), Mention("G1高速乙乡段改造", "Project", 1, 17, 26),
    ...       Mention("丙电子", "Company", 0, 6, 9), Mention("丙电子产业园", "Project", 1, 27, 33)]
    >>> [(r.subject, r.predicate, r.object) for r in _related_by_name(ms)]
    [('甲镇污水处理厂', 'locatedIn', '甲镇'), ('G1高速乙乡段改造', 'locatedIn', '乙乡'), ('丙电子', 'participatesIn', '丙电子产业园')]
    """
    places = {m.name for m in mentions if m.type == "Place"}
    companies = {m.name for m in mentions if m.type == "Company"}
    sections = sorted(places, key=lambda p: (-len(p), p))
    seen: set[str] = set()
    for project in sorted(mentions, key=lambda m: (m.start, m.end)):
        if project.type != "Project" or project.name in seen:
            continue
        seen.add(project.name)
        name = project.name
        place = _longest_prefix(name, places) or next(
            (p for p in sections if name.find(p + "段", 1) > 0 or name.find(p + "境内段", 1) > 0), None
        )
        if place:
            yield _relation(project, "locatedIn", place, "Place", project.sentence, _span(project))
        company = _longest_prefix(name, companies)
        if company:
            yield Relation(
                company, "Company", "participatesIn", name, "Project", project.sentence, *_span(project)
            )


def _longest_prefix(name: str, names: set[str]) -> str | None:
    """The longest of ``names`` that begins ``name`` and leaves at least two characters of it.

    >>> _longest_prefix("甲镇乙村茶园", {"甲镇", "甲镇乙村"}), _longest_prefix("甲山路", {"甲山"})
    ('甲镇乙村', None)
    """
    for size in range(len(name) - _MIN_REMAINDER, 1, -1):
        if name[:size] in names:
            return name[:size]
    return None


# ---------------------------------------------------------------------------------------------- participation


def _participation_in_clause(text, sentence, groups, inside, start, end) -> Iterator[Relation]:
    """participatesIn from one clause: "甲重组控股乙", "甲投资建设乙项目", "与甲合作开发乙"."""
    for position, group in enumerate(groups):
        companies = [m for m in group if m.type == "Company"]
        verb = _PARTICIPATE_RE.match(text, _ADVERB_RE.match(text, group[-1].end, end).end(), end)
        if companies and verb:
            yield from _participants(sentence.index, companies, groups, position + 1, verb.end())
    for match in _COOPERATE_RE.finditer(text, start, end):
        partners = [m for m in inside if match.start("list") <= m.start < match.end("list")]
        companies = [m for m in partners if m.type == "Company"]
        following = [i for i, g in enumerate(groups) if g[0].start >= match.end()]
        if companies and following:
            yield from _participants(sentence.index, companies, groups, following[0], match.end())
        before = [m for m in _list_before(text, groups, match.start()) if m not in partners]
        yield from _partners(sentence.index, before, partners)
        yield from _partners(sentence.index, partners, before)


def _list_before(text: str, groups: list[list[Mention]], position: int) -> list[Mention]:
    """The items of a list that end right before ``position`` (adverbs aside); 与 joins lists too.

    >>> ms = [Mention("甲园", "Project", 0, 0, 2), Mention("乙集团", "Company", 0, 3, 6)]
    >>> [m.name for m in _list_before("甲园与乙集团签约", [ms], 2)]
    ['甲园']
    """
    for group in groups:
        for i, item in enumerate(group):
            if item.end <= position and _ADVERB_RE.fullmatch(text, item.end, position):
                return group[: i + 1]
    return []


def _partners(index, companies, projects) -> Iterator[Relation]:
    """Each company of one side of 与 takes part in each project of the other ("乙项目与甲集团签约")."""
    for company in companies:
        if company.type != "Company":
            continue
        for project in projects:
            if project.type == "Project":
                yield _relation(
                    company, "participatesIn", project.name, "Project", index, _span(company), _span(project)
                )


def _participants(index, companies, groups, position, verb_end) -> Iterator[Relation]:
    """Each company takes part in each item of the list that follows its verb closely."""
    if position >= len(groups) or groups[position][0].start - verb_end > 3:
        return
    for thing in groups[position]:
        if thing.type in ("Project", "Company"):
            for company in companies:
                yield _relation(
                    company, "participatesIn", thing.name, thing.type, index, _span(company), _span(thing)
                )


# ---------------------------------------------------------------------------------------------- part of


def _cluster_membership(text: str, sentence: Sentence, top: list[Mention]) -> Iterator[Relation]:
    """Members of a named cluster or route.

    "以甲、乙为代表的X产业群", "以甲为依托，做大做优X产业": a company participatesIn X, anything
    else is partOf X. "将甲、乙等项目串联起来，打造X线路": each item is partOf X.
    """
    for match in _CLUSTER_RE.finditer(text, sentence.start, sentence.end):
        group = "obj1" if match.group("obj1") else "obj2"
        obj = _cluster_object(text, top, match.start(group), match.end(group))
        for member in _members(top, match, ("Company", "Project")):
            predicate = "participatesIn" if member.type == "Company" else "partOf"
            if obj:
                yield _relation(member, predicate, *obj, sentence.index, _span(member), match.span(group))
    for match in _ROUTE_RE.finditer(text, sentence.start, sentence.end):
        obj = _cluster_object(text, top, match.start("obj"), match.end("obj"))
        for member in _members(top, match, ("Company", "Project", "Place")):
            if obj:
                yield _relation(member, "partOf", *obj, sentence.index, _span(member), match.span("obj"))


def _members(top: list[Mention], match: re.Match, types: tuple[str, ...]) -> list[Mention]:
    """The mentions of the given types inside the match's ``list`` group."""
    start, end = match.span("list")
    return [m for m in top if start <= m.start and m.end <= end and m.type in types]


def _cluster_object(text: str, top: list[Mention], start: int, end: int) -> tuple[str, str] | None:
    """(name, type) of the cluster named between ``start`` and ``end``: a mention ending there,
    else the phrase itself as a Cluster when it ends in a cluster head noun ("…产业群", "…线路").

    >>> _cluster_object("新业态发展", [], 0, 5)
    ('新业态', 'Cluster')
    """
    phrase = _OBJECT_TRIM_RE.sub("", text[start:end])
    phrase_end = start + len(phrase)
    for mention in top:
        if start <= mention.start and mention.end == phrase_end:
            return mention.name, mention.type
    if _CLUSTER_END_RE.search(phrase):
        return phrase, "Cluster"
    return None


def _included_in(text: str, sentence: Sentence, top: list[Mention]) -> Iterator[Relation]:
    """ "将甲、乙纳入丙" and "甲纳入丙": each item is partOf 丙 (a mention right after 纳入)."""
    for match in _INCLUDE_RE.finditer(text, sentence.start, sentence.end):
        target = next((m for m in top if match.end() <= m.start <= match.end() + 2), None)
        if target is None:
            continue
        before = [m for m in top if m.end <= match.start()]
        if not before:
            continue
        groups = _groups(text, before)
        members = groups[-1]
        opener = text.rfind("将", sentence.start, members[0].start)
        close = _ADVERB_RE.match(text, members[-1].end, match.start()).end() == match.start()
        if close or (opener >= 0 and _CLAUSE_RE.fullmatch(text, opener, match.start())):
            for member in members:
                yield _relation(
                    member, "partOf", target.name, target.type, sentence.index, _span(member), _span(target)
                )
