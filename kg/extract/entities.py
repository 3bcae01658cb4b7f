"""Find every typed name in a report: projects, companies, places, policies, organisations.

The statistical tagger (LAC) cuts and labels words (:mod:`kg.extract.tokens` repairs them); the genre's
grammar turns them into candidate names: nationwide lexicons, administrative divisions, head nouns that
type a name (…隧道, …集团: :mod:`kg.extract.name_types`), capacities and bracketed divisions inside
names, coordinated lists and frames (:mod:`kg.extract.lists`), and names marked by form
(:mod:`kg.extract.patterns`). Candidates are filtered (:mod:`kg.extract.candidates`), dropped where no
name lies (:mod:`kg.extract.not_names`), and resolved longest first in each sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.candidates import PROJECT_LIST, REGION_BODY, Candidate, in_title, make_candidate, resolve
from kg.extract.lexicons import (
    division_shorts,
    divisions,
    find_divisions,
    heads,
    lexicon_regex,
    region_shorts,
    terms,
)
from kg.extract.lists import frame_candidates, industry_lists, is_weak_company, list_candidates
from kg.extract.name_types import REGION_PREFIX, head_type, is_place_word, is_proper
from kg.extract.names import closes_no_type, head_of, is_generic, normalise, type_of
from kg.extract.not_names import NOT_NAMES, quoted_honours
from kg.extract.patterns import pattern_candidates
from kg.extract.tagger import tag
from kg.extract.tokens import (
    MAX_NAME,
    NAME_TAGS,
    Token,
    extend_left,
    inside_name,
    known_names,
    sentence_tokens,
    words_in,
)
from kg.ingest import is_site_chrome
from kg.ingest_region import common_words
from kg.types import Document, Mention, Sentence

#: A capacity written inside a project's name (甲集团年产10万吨乙项目, 甲科技12英寸晶圆制造项目, 甲能源
#: 乙气13.3亿立方米/年工程).
_CAPACITY = re.compile(
    r"(年产|年处理|年加工)?[\d.]+[万亿]?(吨|锭|台|套|件|辆|英寸|千瓦|兆瓦|头|只|片|立方米)(/年)?"
)

#: The rest of a project's name after its capacity, up to the works or facility that closes it (乙项目,
#: 乙工程, 粮食储备库, 乙生产线, 乙电站; no punctuation inside).
_CAPACITY_REST = re.compile(r"[\u4e00-\u9fff]{0,16}?(项目|工程|储备库|生产线|电站|基地|仓库|厂)")

#: The product and phase written between an investor and the capacity (乙气Ⅰ系列, 乙气II系列 once NFKC
#: folded, 乙材料二期).
_CAPACITY_GAP = re.compile(r"[\u4e00-\u9fffⅠ-ⅫIVX]{1,8}")

#: The administrative committee closing the name of a zone's body (甲产业园区管委会).
_COMMITTEE = re.compile(r"(管委会|管理委员会)$")

#: The first item of a list of products closed by one 项目 after its investor (甲科技乙加氢、丙精制、丁树脂项目).
_FIRST_ITEM = re.compile(r"[\u4e00-\u9fff]{1,12}?(?=、)")

#: A division in brackets inside a name (甲精密（青山）有限公司, 中国（甲省）自由贸易试验区).
_BRACKETED = re.compile(r"[（(](?P<p>[\u4e00-\u9fff]{2,8})[)）]")

#: A construction phase in brackets after a name (甲交易中心（二期）): the phase's own part of the name.
_BRACKETED_PHASE = re.compile(r"[（(](?P<p>[一二三四五六七八九十\d]期)[)）]")

#: The numbering that opens a heading line ((一), 一、, 3.).
_HEADING_NUMBER = re.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.]")

#: Adjectives of rank that make a phrase a description (最高政治原则, 最大政治任务): no name opens so.
_SUPERLATIVES = frozenset({"最高", "最大", "最重要", "最根本", "最严格", "首要", "根本"})

#: Words that follow a policy head and make a compound noun with it (改革 开放, 改革 发展 成果, 改革 实践,
#: 改革 创新): the head is then no head. Nouns after a head (改革 任务, 改革 举措) are caught by their tag.
_HEAD_COMPOUNDS = frozenset({"开放", "发展", "实践", "创新"})

#: Nouns of how a campaign or reform goes (力度, 成效): after a policy head they leave the name standing.
_ATTRIBUTES = frozenset({"力度", "成效", "成果", "进展", "步伐"})

#: Heads of facilities that are also bodies: a Project only where their clause builds them (甲医院门诊楼建成,
#: 新建乙医院), else the body that works (与甲医院合作, 乙医院创三甲): an Organization.
_BODY_FACILITIES = ("医院",)

#: Words of building in a clause (建设, 建成, 开工, 投入使用 …): the facility named in it is a work.
_BUILDING = re.compile(
    r"建设|建成|新建|改建|扩建|迁建|开工|动工|竣工|完工|封顶|投入使用|投用|启用|落成|主体|选址|前期"
)

#: The marks that close a clause.
_CLAUSE_ENDS = "，。；：,;:！？\n"

#: Nouns of a process that end no firm's name (中国发展, 甲地建设): the tagger read a clause as a name.
_PROCESSES = ("发展", "建设", "合作", "改革")

#: Locatives after a policy head that make it a context (系统内, 改革中, 行动上): no name ends there.
_INSIDE = frozenset({"内", "中", "上", "里"})

#: A town, township, street or village opening a name the tagger wrote as one word (甲镇茶叶交易中心,
#: 乙街道社区服务中心): the shortest such opening, two or three characters before its head.
_OPENING_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡|村)(?!镇|村|区|级)")

#: One-character heads of waters and mountains.
_WATERS = frozenset("江河湖山岛")

#: Heads of the items a platform named …中心 is listed with (甲经贸平台和乙中心): the centre is a Project.
_PLATFORM_ITEMS = ("平台", "项目")


def _lexicon_candidates(doc: Document, sentence: Sentence, tokens: list[Token], shorts) -> list[Candidate]:
    """Nationwide policies, organisations and macro-regions, region-relative bodies, and divisions; a
    policy term followed by the head of a park or zone (数字经济 产业园) only describes it and is no mention."""
    out: list[Candidate] = []
    policies = terms("policies_national.txt")
    places = terms("places_national.txt")
    heads_after = {t.start: t.word for t in tokens}
    for match in lexicon_regex().finditer(sentence.text):
        kind = (
            "Policy" if match.group() in policies else "Place" if match.group() in places else "Organization"
        )
        s = sentence.start + match.start()
        after = heads_after.get(s + len(match.group()), "")
        if kind == "Policy" and heads().get(after) in ("Project", "Place"):
            continue  # 数字经济 产业园: the policy's words only describe a park or zone
        out += make_candidate(doc, s, s + len(match.group()), kind, "lexicon", 1)
    for match in REGION_BODY.finditer(sentence.text):
        s = sentence.start + match.start()
        out += make_candidate(doc, s, sentence.start + match.end(), "Organization", "region-body", 1)
    ends = {t.end for t in tokens}
    starts = {t.start for t in tokens}
    for s, e in find_divisions(sentence.text, shorts):
        s, e = sentence.start + s, sentence.start + e
        if s in starts and e in ends:
            out += make_candidate(doc, s, e, "Place", "division", 2)
    return out


#: Words of a campaign a region runs under its own name (美丽甲乙, 智慧甲乙, 平安甲乙): a Policy.
_CAMPAIGN_WORDS = (
    "美丽",
    "智慧",
    "平安",
    "健康",
    "幸福",
    "数字",
    "法治",
    "文明",
    "活力",
    "人文",
    "绿色",
    "生态",
)
#: What may not follow the short name in a campaign: it would be the start of a longer name (甲乙湾).
_CAMPAIGN_NOT_AFTER = re.compile(r"[区县市镇乡村湾路街港岛山湖河江园城站]")


def _campaign_candidates(doc: Document, sentence: Sentence, shorts: tuple[str, ...]) -> list[Candidate]:
    """A campaign named by a word of ``_CAMPAIGN_WORDS`` and the short name of the report's region or
    of a division it names (建设美丽青山, 智慧青山建设): a Policy.

    >>> text = "推进智慧青山和平安白鹭建设，美丽青山湾"
    >>> doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    >>> [c.name for c in _campaign_candidates(doc, doc.sentences[0], ("白鹭", "青山"))]
    ['智慧青山', '平安白鹭']
    """
    if not shorts:
        return []
    names = "|".join(re.escape(s) for s in sorted(shorts, key=len, reverse=True))
    out: list[Candidate] = []
    for m in re.finditer(rf"(?:{'|'.join(_CAMPAIGN_WORDS)})(?:{names})", sentence.text):
        if not _CAMPAIGN_NOT_AFTER.match(sentence.text, m.end()):
            out += make_candidate(
                doc, sentence.start + m.start(), sentence.start + m.end(), "Policy", "campaign", 2
            )
    return out


def _head_candidates(doc: Document, tokens: list[Token]) -> list[Candidate]:
    """Names closed by a head noun: the longest run of name words before a word ending in a head."""
    out: list[Candidate] = []
    for i, tok in enumerate(tokens):
        if closes_no_type(doc.text[tok.start : tok.end]):
            continue  # no head closes a name ending with this word
        if not inside_name(tok) and tok.tag not in NAME_TAGS and not _year_head(tokens, i):
            continue
        if _modifies_next(doc, tokens, i):
            continue
        first = extend_left(tokens, i)
        if first > 0 and tokens[first - 1].word == "等":
            continue  # 甲、乙等合作计划: the phrase after 等 names the kind of the items, not one thing
        if tokens[first].word in _SUPERLATIVES:
            continue  # 最高政治原则: a description of rank, no name
        if _verb_opening_clause(doc, tokens, first, i):
            first += 1
        for j in range(first, i + 1):
            name = normalise(doc.text[tokens[j].start : tok.end])
            kind = head_type(name, tokens[j : i + 1])
            if kind == "Place" and _place_then_programme(tokens[j : i + 1]):
                continue  # 甲街道 美丽乡村: a place, then the programme run there
            if kind and not is_generic(name):
                start = _after_conjunction(doc.text, tokens[j].start, tok.end, kind)
                start = _route_start(doc, tokens, start) if kind == "Project" else start
                if (
                    kind == "Organization"
                    and head_of(name) == "中心"
                    and _beside_platform(doc.text, start, tok.end)
                ):
                    kind = "Project"
                out += make_candidate(doc, start, tok.end, kind, "head", 3)
                break
    return out


#: Verbs the tagger also reads as nouns (创新 vn) that open a clause and take the name after them as
#: object: 创新甲乙模式。 is "innovate the 甲乙 model", while 创新驱动战略深入实施 names a strategy.
_OPENING_VERBS = frozenset({"创新", "优化", "完善", "深化", "强化", "探索"})


def _verb_opening_clause(doc: Document, tokens: list[Token], first: int, last: int) -> bool:
    """True when the name tokens[first..last] open their clause with a verb of ``_OPENING_VERBS`` and
    close it, two words or more after the verb: the verb is the clause's, not the name's.

    >>> text = "创新甲地陪伴模式。创新驱动战略深入实施"
    >>> toks = [Token(w, "n", s, s + len(w)) for w, s in (("创新", 0), ("甲地", 2), ("陪伴", 4), ("模式", 6))]
    >>> _verb_opening_clause(Document(text, (), ()), toks, 0, 3)
    True
    >>> toks = [Token(w, "n", s, s + len(w)) for w, s in (("创新", 9), ("驱动", 11), ("战略", 13))]
    >>> _verb_opening_clause(Document(text, (), ()), toks, 0, 2)
    False
    """
    if tokens[first].word not in _OPENING_VERBS or last - first < 2:
        return False
    start, end = tokens[first].start, tokens[last].end
    opens = start == 0 or doc.text[start - 1] in _CLAUSE_ENDS
    return opens and (end == len(doc.text) or doc.text[end] in _CLAUSE_ENDS)


def _place_then_programme(words: list[Token]) -> bool:
    """True when ``words`` are a whole place word followed by a nationwide programme or a generic noun
    (甲街道 美丽乡村): two phrases, not one place.

    >>> _place_then_programme([Token("青山街道", "LOC", 0, 4), Token("美丽乡村", "LOC", 4, 8)])
    True
    >>> _place_then_programme([Token("青山", "LOC", 0, 2), Token("社区", "n", 2, 4)])
    False
    """
    for k, word in enumerate(words[:-1]):
        rest = "".join(w.word for w in words[k + 1 :])
        if is_place_word(word) and type_of(word.word) == "Place" and rest in terms("policies_national.txt"):
            return True
    return False


def _with_phases(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with a bracketed construction phase written after a work, company or body joined to it
    (甲交易中心（二期） → 甲交易中心二期): the phase of a thing built, a Project.

    >>> text = "青禾交易中心（二期）建成"
    >>> [(c.name, c.type, c.end) for c in _with_phases(Document(text, (), ()), [Candidate(0, 6, "Organization", "head", "青禾交易中心", 3)])]
    [('青禾交易中心二期', 'Project', 10)]
    """
    out: list[Candidate] = []
    for c in chosen:
        phase = _BRACKETED_PHASE.match(doc.text, c.end)
        if phase and c.type in ("Project", "Company", "Organization"):
            c = replace(c, end=phase.end(), type="Project", name=c.name + phase.group("p"))
        out.append(c)
    return out


def _working_bodies(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each hospital (``_BODY_FACILITIES``) typed Organization when no word of building
    stands in its clause: the hospital works, it is not being built.

    >>> text = "与青山医院合作，白鹭医院建成"
    >>> found = [Candidate(1, 5, "Project", "list", "青山医院", 3), Candidate(8, 12, "Project", "list", "白鹭医院", 3)]
    >>> [(c.name, c.type) for c in _working_bodies(Document(text, (), ()), found)]
    [('青山医院', 'Organization'), ('白鹭医院', 'Project')]
    """
    out: list[Candidate] = []
    for c in chosen:
        if (
            c.type == "Project"
            and head_of(c.name) in _BODY_FACILITIES
            and not _BUILDING.search(_clause_at(doc.text, c.start, c.end))
        ):
            c = replace(c, type="Organization")
        out.append(c)
    return out


#: Heads of bodies that are also facilities (中心, 实验室, 馆): an Organization that works, a Project where
#: the sentence builds or opens it: the name right before a status, or right after a verb of building
#: that is no aim (建成, not 加快建成 or 打造: 打造金融中心 is a goal) and ending its phrase.
_FACILITY_BODIES = ("中心", "实验室", "馆", "剧院")
_BUILT_BEFORE = re.compile(r"(?<!加快|努力|力争|奋力|全力)(?:建成|新建|兴建|开工建设|启用)$")
_PHRASE_ENDS = "，。；、,.;和与及（(\n"
_BUILT_AFTER = re.compile(
    r"(?:即将|正式|已经|已|全面|顺利|加快|基本|主体)?"
    r"(?:建成|投入运营|投入使用|投用|开工|动工|启用|竣工|封顶|落成|开馆|开业|开放运营|试运营|完工)"
)


def _built_facilities(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each body whose head is a facility (``_FACILITY_BODIES``) typed Project where the
    sentence builds or opens it: right before a status (乙实验室即将投入运营) or right after a verb of
    building, ending its phrase (建成甲中心; not 建成甲中心新址, where the body moves in).

    >>> text = "青山服务中心即将投入运营，建成白鹭实验室，与金湖中心合作，建成金湖中心新址"
    >>> found = [Candidate(0, 6, "Organization", "head", "青山服务中心", 3),
    ...          Candidate(15, 20, "Organization", "head", "白鹭实验室", 3),
    ...          Candidate(23, 27, "Organization", "head", "金湖中心", 3),
    ...          Candidate(32, 36, "Organization", "head", "金湖中心", 3)]
    >>> [(c.name, c.type) for c in _built_facilities(Document(text, (), ()), found)]
    [('青山服务中心', 'Project'), ('白鹭实验室', 'Project'), ('金湖中心', 'Organization'), ('金湖中心', 'Organization')]
    """
    out: list[Candidate] = []
    for c in chosen:
        if (
            c.type == "Organization"
            and c.name.endswith(_FACILITY_BODIES)
            and _built_there(doc.text, c.start, c.end)
        ):
            c = replace(c, type="Project")
        out.append(c)
    return out


def _built_there(text: str, start: int, end: int) -> bool:
    """True when the name in text[start:end] stands right before a status or right after a verb of
    building, ending its phrase.

    >>> _built_there("建成甲中心。", 2, 5), _built_there("加快建成甲中心。", 4, 7), _built_there("甲中心主体封顶", 0, 3)
    (True, False, True)
    >>> _built_there("建成区综治中心。", 2, 7), _built_there("区图书馆建成启用", 0, 4)
    (False, True)
    """
    if _BUILT_AFTER.match(text, end):
        return True
    if text[start] in REGION_PREFIX:
        return False  # 建成区综治中心: a region's own body set up, not a work
    return bool(_BUILT_BEFORE.search(text[max(start - 6, 0) : start])) and (
        end == len(text) or text[end] in _PHRASE_ENDS
    )


#: A count right before a name (20个, 一批, 多个) or right after it, closing the phrase (29所。): the name
#: is of a kind of thing, counted (20个街心公园, 公办幼儿园29所), not one thing (甲、乙3家企业 counts the
#: list; 一座白鹭大桥, 一个中国 count one).
_COUNT_BEFORE = re.compile(
    r"(?:(?<![\d一二两三四五六七八九十百千])(?!1\D|一[^十百千])(?:\d+|[一二两三四五六七八九十百千]+)余?"
    r"(?:个|座|所|家|条|处|批|栋|片|块)|一批|多个|若干|一些)$"
)
_COUNT_AFTER = re.compile(
    r"(?:\d+|[二两三四五六七八九十百千]+)余?(?:个|座|所|家|条|处|栋|片|块)(?=[，。；、,.;]|$)"
)


#: Nouns that carry on a weak company head into a longer noun (生态 屏障, 科技 创新 优势): no firm there.
_NOUN_GOES_ON = re.compile(
    r"屏障|创新|优势|经济|组织|旅客|领域|资源|安全|保护|文明|走廊|廊道|体系|能力|水平|环境|格局|空间|强国|强省|强市|大国|大省"
)


def _no_firm_inside_a_noun(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` without the companies by a weak head (…生态, …科技) that a noun carries on (青岭生态屏障,
    甲省科技创新优势): the words are part of a longer noun, no firm's name.

    >>> text = "筑牢青岭生态屏障，支持金禾科技扩产"
    >>> found = [Candidate(2, 6, "Company", "head", "青岭生态", 3), Candidate(11, 15, "Company", "head", "金禾科技", 3)]
    >>> [c.name for c in _no_firm_inside_a_noun(Document(text, (), ()), found)]
    ['金禾科技']
    """
    return [c for c in chosen if not (is_weak_company(c) and _NOUN_GOES_ON.match(doc.text, c.end))]


def _divisions_as_places(chosen: list[Candidate], shorts: tuple[str, ...]) -> list[Candidate]:
    """``chosen`` with a division named alone (宜宾, 江油市, the report's own region by its short name
    in ``shorts``) typed Place where a rule of frames or lists gave it the type of the thing the frame
    speaks of (支持宜宾做好…, 关心支持甲乙发展: no company; 推动江油建设: no work).

    >>> found = [Candidate(2, 4, "Company", "frame", "宜宾", 2), Candidate(8, 12, "Company", "frame", "金禾食品", 2),
    ...          Candidate(16, 18, "Company", "frame", "白鹭", 2)]
    >>> [(c.name, c.type) for c in _divisions_as_places(found, ("白鹭",))]
    [('宜宾', 'Place'), ('金禾食品', 'Company'), ('白鹭', 'Place')]
    """
    return [
        replace(c, type="Place")
        if c.rule in ("frame", "list")
        and c.type != "Place"
        and (c.name in division_shorts() or c.name in divisions() or c.name in shorts)
        else c
        for c in chosen
    ]


def _not_counted(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` without the things counted as a kind: a count right before or after the name.

    >>> text = "建成20个街心公园和青山公园，新增公办幼儿园29所"
    >>> found = [Candidate(5, 9, "Project", "head", "街心公园", 3), Candidate(10, 14, "Project", "head", "青山公园", 3),
    ...          Candidate(17, 22, "Project", "head", "公办幼儿园", 3)]
    >>> [c.name for c in _not_counted(Document(text, (), ()), found)]
    ['青山公园']
    >>> [c.name for c in _not_counted(Document("新建一座白鹭大桥", (), ()), [Candidate(4, 8, "Project", "head", "白鹭大桥", 3)])]
    ['白鹭大桥']
    """
    return [
        c
        for c in chosen
        if c.type == "Policy"
        or not (
            _COUNT_BEFORE.search(doc.text[max(c.start - 6, 0) : c.start])
            or _COUNT_AFTER.match(doc.text, c.end)
        )
    ]


def _clause_at(text: str, start: int, end: int) -> str:
    """The clause of ``text`` holding the span [start, end).

    >>> _clause_at("甲，乙丙丁。戊", 3, 4)
    '乙丙丁'
    """
    first = max(text.rfind(ch, 0, start) for ch in _CLAUSE_ENDS) + 1
    last = min((k for k in (text.find(ch, end) for ch in _CLAUSE_ENDS) if k >= 0), default=len(text))
    return text[first:last]


def _beside_platform(text: str, start: int, end: int) -> bool:
    """True when the name in text[start:end] is listed (、 和 及 与) next to a platform or project.

    >>> _beside_platform("做实青禾经贸平台和白鹭中心", 9, 13), _beside_platform("做实白鹭中心和青禾文化馆", 2, 6)
    (True, False)
    """
    before = re.search(r"[^，。；,;、和及与]*[、和及与]$", text[max(start - MAX_NAME, 0) : start])
    after = re.match(r"[、和及与][^，。；,;、和及与]*", text[end : end + MAX_NAME])
    return any(m is not None and any(h in m.group() for h in _PLATFORM_ITEMS) for m in (before, after))


def _year_head(tokens: list[Token], i: int) -> bool:
    """True when tokens[i] is the 年 of a campaign-year head (…建设年, …补短板年), not a date.

    The tagger writes 年 as a word of its own, which elsewhere ends a date (2019年, 十年).

    >>> _year_head([Token("项目", "n", 0, 2), Token("建设", "vn", 2, 4), Token("年", "n", 4, 5)], 2)
    True
    """
    if tokens[i].word != "年" or i == 0 or not inside_name(tokens[i - 1]):
        return False
    return heads().get(tokens[i - 1].word[-2:] + "年") == "Policy"


def _after_conjunction(text: str, start: int, end: int, kind: str) -> int:
    """Where a name in text[start:end] starts when a conjunction joins it to words before it.

    和/及/与 stay inside a name whose head the two sides share (征拆安置及资金结算改革); a right side
    that opens with a region prefix and carries the head itself is a name of its own (监督和县政协).

    >>> _after_conjunction("法律监督和县政协", 0, 8, "Organization"), _after_conjunction("甲及乙改革", 0, 5, "Policy")
    (5, 0)
    """
    for k in range(end - 2, start, -1):
        if text[k] in "和及与" and text[k + 1] in REGION_PREFIX and type_of(text[k + 1 : end]) == kind:
            return k + 1
    return start


def _modifies_next(doc: Document, tokens: list[Token], i: int) -> bool:
    """True when a policy head at tokens[i] is followed by a locative (系统 内, 改革 中), a noun it modifies (改革 事项, 行动 计划), by a
    word it makes a compound with (改革 开放, 改革 发展 成果, 改革 实践: see ``_HEAD_COMPOUNDS``) or by
    another policy head, which is the name's own (产权制度 改革 任务: 制度 is no head either).

    >>> toks = [Token("升级", "vn", 0, 2), Token("改革", "vn", 2, 4), Token("实践", "vn", 4, 6)]
    >>> _modifies_next(Document("升级改革实践", (), ()), toks, 1)
    True
    >>> _modifies_next(Document("升级改革实践", (), ()), toks[:2], 1)
    False
    >>> _modifies_next(Document("债务为系统内", (), ()), [Token("系统", "n", 3, 5), Token("内", "f", 5, 6)], 0)
    True
    """
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or re.search(r"[0-9A-Za-z]", following.word):
        return False
    if following.word in _INSIDE and heads().get(tokens[i].word) == "Policy":
        return True  # 系统内债务, 改革中: the head is a context the clause speaks of, no name
    if following.word in _ATTRIBUTES:
        return False  # 甲攻坚 力度 加大: the campaign is named, the noun after is how it goes
    if (
        following.tag != "n"
        and following.word not in _HEAD_COMPOUNDS
        and heads().get(following.word) != "Policy"
    ):
        return False
    return type_of(doc.text[tokens[max(i - 1, 0)].start : tokens[i].end]) == "Policy"


def _capacity_candidates(doc: Document, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    """Projects named by their investor and capacity (甲集团年产10万吨乙项目, 甲粮20万吨粮食储备库): the
    investor's name, the capacity and the product up to the works or facility, when the investor's
    name holds a proper noun; a company may write product and phase before the capacity (甲能源乙气Ⅰ系列
    13.3亿立方米/年工程)."""
    out: list[Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in _CAPACITY.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        rest = _CAPACITY_REST.match(doc.text, e)
        if rest is None:
            continue
        left = tokens[extend_left(tokens, by_end[s])].start if s in by_end else s
        if s not in by_end or not is_proper(words_in(tokens, left, s)):
            left = _investor_start(doc, tokens, s)
        if left is not None:
            out += make_candidate(doc, left, rest.end(), "Project", "capacity", 3)
    return out


def _investor_start(doc: Document, tokens: list[Token], at: int) -> int | None:
    """Where the company that opens a project's name starts, when only its product and phase stand
    between it and ``at`` (甲能源 乙气Ⅰ系列|13.3亿…); None when no company stands so.

    >>> toks = [Token("青禾能源", "ORG", 0, 4), Token("煤制气", "n", 4, 7), Token("Ⅰ系列", "n", 7, 10)]
    >>> _investor_start(Document("青禾能源煤制气Ⅰ系列13亿立方米/年工程", (), ()), toks, 10)
    0
    """
    for tok in reversed(tokens):
        if tok.end >= at:
            continue
        if not _CAPACITY_GAP.fullmatch(doc.text, tok.end, at):
            return None
        if tok.tag == "ORG" or type_of(tok.word) == "Company":
            return tok.start
    return None


def _project_list_candidates(doc: Document, tokens: list[Token]) -> list[Candidate]:
    """A company followed by products listed up to one 项目 (甲科技乙加氢、丙精制、丁树脂项目): one Project,
    its items being parts of it, named from the company on."""
    out: list[Candidate] = []
    for tok in tokens:
        if tok.tag != "ORG" and type_of(tok.word) != "Company":
            continue
        first = _FIRST_ITEM.match(doc.text, tok.end)
        rest = first and PROJECT_LIST.match(doc.text, first.end())
        if rest:
            out += make_candidate(doc, tok.start, rest.end(), "Project", "project-list", 3)
    return out


def _investors(chosen: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
    """The company that opens each chosen project named by its investor (甲集团年产10万吨乙项目 → 甲集团):
    a mention of its own, nested in the project's.

    >>> p = Candidate(0, 14, "Project", "capacity", "青禾集团年产10万吨饲料项目", 3)
    >>> c = Candidate(0, 4, "Company", "tagger-ORG", "青禾集团", 5)
    >>> [x.name for x in _investors([p], [p, c])]
    ['青禾集团']
    """
    out: list[Candidate] = []
    for project in chosen:
        if project.rule not in ("capacity", "project-list"):
            continue
        inside = [
            c
            for c in candidates
            if c.type == "Company"
            and c.start == project.start
            and c.end < project.end
            and not _cut_before_capacity(project.name, len(c.name))
        ]
        out += sorted(inside, key=lambda c: (c.start - c.end, c.rank, c.name))[:1]
    return out


def _cut_before_capacity(project: str, company_length: int) -> bool:
    """Whether a company of ``company_length`` characters opening ``project`` leaves one lone character
    before the capacity: the tagger cut the company's name (甲科芯|研|12英寸…), so it is no mention.

    >>> _cut_before_capacity("青禾芯研12英寸晶圆制造项目", 3), _cut_before_capacity("青禾粮20万吨粮食储备库", 3)
    (True, False)
    """
    capacity = _CAPACITY.search(project, company_length)
    return capacity is not None and capacity.start() - company_length == 1


def _zones_of_bodies(doc: Document, chosen: list[Candidate]) -> list[Candidate]:
    """The zone a chosen administrative committee is named after (甲县产业园区管委会 → 甲县产业园区): a place
    mention of its own, nested in the body's.

    >>> text = "青山产业园区管委会"
    >>> [c.name for c in _zones_of_bodies(Document(text, (), ()), [Candidate(0, 9, "Organization", "head", text, 3)])]
    ['青山产业园区']
    """
    out: list[Candidate] = []
    for body in chosen:
        suffix = _COMMITTEE.search(doc.text, body.start, body.end) if body.type == "Organization" else None
        if suffix is not None and type_of(doc.text[body.start : suffix.start()]) == "Place":
            out += make_candidate(doc, body.start, suffix.start(), "Place", "zone-of-body", 3)
    return out


def _names_a_town(tokens: list[Token], start: int, end: int, name: str) -> bool:
    """True when text[start:end], a town or village head after two or three characters, names one: its
    words are a place by head (古市镇 as a word of its own), or it lies inside one word the tagger knew as a
    name (白沙镇茶叶交易中心); a kind (美丽乡村, 文明村) names none.

    >>> _names_a_town([Token("白沙镇茶叶中心", "ORG", 0, 7)], 0, 3, "白沙镇")
    True
    >>> _names_a_town([Token("文明", "n", 0, 2), Token("村", "n", 2, 3), Token("广场", "n", 3, 5)], 0, 3, "文明村")
    False
    """
    if name in terms("policies_national.txt"):
        return False
    words = words_in(tokens, start, end)
    if sum(len(w.word) for w in words) == end - start:
        return head_type(name, words) == "Place"
    around = next((t for t in tokens if t.start <= start and end <= t.end), None)
    return around is not None and around.tag in NAME_TAGS


def _nested_places(
    doc: Document, tokens: list[Token], chosen: list[Candidate], candidates: list[Candidate]
) -> list[Candidate]:
    """The places named inside chosen works, firms and bodies (甲半岛生态修复 → 甲半岛, 甲镇茶叶交易中心 → 甲镇):
    a place mention of its own, nested in the name, the longest where they overlap. A policy's words
    (美丽乡村建设, 智慧社区建设) name a kind of place it builds, not one.

    >>> outer = Candidate(0, 7, "Project", "head", "青山半岛生态修复", 3)
    >>> inner = Candidate(0, 4, "Place", "head", "青山半岛", 3)
    >>> [c.name for c in _nested_places(Document(outer.name, (), ()), [], [outer], [outer, inner])]
    ['青山半岛']

    A one-character head of a water or mountain (江, 湖, 山) read inside a name often closes two names
    written together (甲套乙江隧道: 甲套, 乙江), and a word the tagger alone calls a place is mostly a
    position (沿江, 过江): inside a name only divisions, heads of areas and the tagger's cities are taken.
    A division in brackets is the seat written in a company's legal name (甲精工（青山）有限公司), no mention.
    """
    openings = [
        c
        for o in chosen
        if o.type not in ("Place", "Policy")
        and (match := _OPENING_TOWN.match(doc.text, o.start, o.end))
        and _names_a_town(tokens, o.start, match.end(), doc.text[o.start : match.end()])
        for c in make_candidate(doc, o.start, match.end(), "Place", "opening-town", 3)
    ]
    inside = [
        c
        for c in candidates + openings
        if c.type == "Place"
        and any(
            o.type not in ("Place", "Policy")
            and o.start <= c.start
            and c.end <= o.end
            and len(c.name) < len(o.name)
            for o in chosen
        )
    ]
    return resolve(
        [
            c
            for c in inside
            if not (c.rule == "head" and head_of(c.name) in _WATERS)
            and not (c.rule == "tagger-LOC" and c.name not in division_shorts())
            and (c.start == 0 or doc.text[c.start - 1] not in "(（")
        ]
    )


def _bracket_candidates(doc: Document, sentence: Sentence, tokens: list[Token]) -> list[Candidate]:
    """Names with a division in brackets (甲精密（青山）有限公司): the name words before the bracket,
    the bracket, and the shortest run of characters after it that ends with a head."""
    out: list[Candidate] = []
    by_end = {t.end: k for k, t in enumerate(tokens)}
    for match in _BRACKETED.finditer(sentence.text):
        place = match.group("p")
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if s not in by_end or (place not in division_shorts() and place not in divisions()):
            continue
        left = tokens[extend_left(tokens, by_end[s])].start
        after = re.match(r"[\u4e00-\u9fff]{0,10}", doc.text[e:]).group()
        size = next((k for k in range(2, len(after) + 1) if head_of(after[:k])), 0)
        if size:
            out += make_candidate(doc, left, e + size, type_of(doc.text[left : e + size]), "bracketed", 2)
    return out


def _route_start(doc: Document, tokens: list[Token], start: int) -> int:
    """Where a route's name starts when it runs from one place to another (甲至乙快速通道 → 甲), the first
    place tagged a place or left a short common noun by the tagger.

    >>> toks = [Token("青山", "LOC", 0, 2), Token("至", "p", 2, 3), Token("白沙", "LOC", 3, 5)]
    >>> _route_start(Document("青山至白沙公路", (), ()), toks, 3)
    0
    """
    if start < 1 or doc.text[start - 1] != "至":
        return start
    before = next((k for k, t in enumerate(tokens) if t.end == start - 1), None)
    if before is None or not (tokens[before].tag in ("LOC", "ns") or _town_word(tokens[before])):
        return start
    return tokens[before].start


def _town_word(tok: Token) -> bool:
    """True when ``tok`` may be a place's short name the tagger left a common noun (青山 in 青山至白沙快速路):
    a noun of two or three characters.

    >>> _town_word(Token("青山", "n", 0, 2)), _town_word(Token("延伸", "v", 0, 2))
    (True, False)
    """
    return tok.tag == "n" and 2 <= len(tok.word) <= 3


#: Last words of bodies that the tagger writes as one ORG word with no head of heads.tsv: ministries and
#: commissions, the army, parties, schools, hospitals and academies, associations.
_BODY_ENDS = (
    "部", "委员会", "委", "局", "厅", "署", "大队", "支队", "军", "党", "学院", "学校", "大学", "研究生院",
    "医院", "研究院", "科学院", "基金会", "协会", "学会", "商会", "联合会", "居委会", "村委会", "研究所",
)  # fmt: skip


def _tagger_candidates(doc: Document, tokens: list[Token], shorts: tuple[str, ...]) -> list[Candidate]:
    """Single ORG and LOC words of the tagger: typed by head; an ORG without one is a Company, or a body
    when a region prefix opens it (区婚姻登记处); a LOC without one is a Place when it is a province's or
    city's short name (上海, 徐州)."""
    out: list[Candidate] = []
    for i, tok in enumerate(tokens):
        if tok.tag not in ("ORG", "LOC") or len(tok.word) < 2:
            continue
        kind = head_type(tok.word, [tok])
        if kind is None and i + 1 < len(tokens) and tokens[i + 1].tag == "v" and _opens_heading(doc, tok):
            continue  # (一)聚力推进乡村振兴: a heading's opening verb, no name
        if kind is None and tok.tag == "LOC" and len(tok.word) == 2 and tok.word[1] in "江河湖山岛":
            kind = "Place"
        if kind is None and tok.tag == "LOC" and tok.word in division_shorts() and not _idiom_at(doc, tok):
            kind = "Place"  # 与上海、安徽共建: a province or city named by its short name
        if kind is None and tok.tag == "ORG" and _own_region_words(tok.word, shorts):
            kind = "Place"  # 甲乙 (the city's and the district's short names): the report's own region
        if kind is None and tok.tag == "ORG" and _common_noun_in_compound(tokens, i):
            continue  # 资源能源消耗: a common noun the tagger read as an organisation
        if kind is None and tok.tag == "ORG" and tok.word.endswith(_PROCESSES):
            continue  # 甲国发展: a region's development the tagger read as a name
        if kind is None and tok.tag == "ORG" and len(tok.word) == 2 and not _listed(tokens, i):
            continue  # 聚力打造, 深港合作: two characters alone are a verb or an abbreviation, no firm
        if kind is None and tok.tag == "ORG":
            body = (
                heads().get(tok.word) == "Organization"
                or REGION_BODY.fullmatch(tok.word)
                or tok.word[0] in REGION_PREFIX  # 区婚姻登记处: a region's own office, no company
                or tok.word.endswith(_BODY_ENDS)  # 卫生部, 人民解放军, 甲乙研究生院: a body, no firm
            )
            kind = "Organization" if body else "Company"
        out += make_candidate(doc, tok.start, tok.end, kind, f"tagger-{tok.tag}", 5)
    return out


def _own_region_words(word: str, shorts: tuple[str, ...]) -> bool:
    """True when ``word`` is written only of the report's own region's short names (白沙, 青山白沙): the
    tagger reads it as an organisation, but it names the region.

    >>> _own_region_words("青山白沙", ("湖南", "青山", "白沙")), _own_region_words("白沙科技", ("青山", "白沙"))
    (True, False)
    """
    rest = word
    while rest:
        short = next((s for s in shorts if rest.startswith(s)), None)
        if short is None:
            return False
        rest = rest[len(short) :]
    return bool(word)


def _listed(tokens: list[Token], i: int) -> bool:
    """True when ``tokens[i]`` stands in a list of names (before 等, or beside another name across a list
    mark): a short brand is named so (对接甲乙、丙丁等企业), while two characters alone read as a name are
    mostly a verb or an abbreviation of two places (聚力打造, 交通联通、规划融通).

    >>> toks = [Token("银峰", "ORG", 0, 2), Token("、", "w", 2, 3), Token("白鹭", "ORG", 3, 5), Token("等", "u", 5, 6)]
    >>> _listed(toks, 0), _listed(toks, 2), _listed([Token("聚力", "ORG", 0, 2), Token("打造", "v", 2, 4)], 0)
    (True, True, False)
    """
    marks = ("、", "和", "与", "及")
    after = tokens[i + 1 : i + 3]
    before = tokens[max(i - 2, 0) : i]
    if after and after[0].word == "等":
        return True
    beside = [p[1] for p in (after, before[::-1]) if len(p) == 2 and p[0].word in marks]
    return any(t.tag == "ORG" for t in beside)


def _common_noun_in_compound(tokens: list[Token], i: int) -> bool:
    """Whether the ORG word ``tokens[i]`` is a common dictionary word that modifies the noun or name after
    it, or a verb the tagger read as a name (成立 甲公司).

    A brand that is also a word (联想, 百度) is still a name when listed (联想、百度等企业).
    """
    following = tokens[i + 1].tag if i + 1 < len(tokens) else "w"
    return tokens[i].word in common_words() and following in ("n", "vn", "nz", "ORG", "LOC", "v")


def _opens_heading(doc: Document, tok: Token) -> bool:
    """True when ``tok`` is the first word of a heading line, after its numbering ((一)聚力, 3.聚力).

    >>> s = Sentence(0, "(一)聚力推进", 0, 7, None, None)
    >>> doc = Document(s.text, (s,), ())
    >>> _opens_heading(doc, Token("聚力", "ORG", 3, 5)), _opens_heading(doc, Token("推进", "v", 5, 7))
    (True, False)
    """
    line_start = doc.text.rfind("\n", 0, tok.start) + 1
    return bool(_HEADING_NUMBER.fullmatch(doc.text[line_start : tok.start]))


def _idiom_at(doc: Document, tok: Token) -> bool:
    """True when a listed non-entity phrase starts at ``tok`` (长治 in 长治久清 is no city).

    >>> _idiom_at(Document("水体长治久清", (), ()), Token("长治", "LOC", 2, 4))
    True
    """
    return any(doc.text.startswith(w, tok.start) for w in terms("not_entities.txt") if len(w) > len(tok.word))


def _own_places(tokens: list[Token], shorts: tuple[str, ...]) -> list[Token]:
    """``tokens`` with the report's own region short names tagged places where they open a longer name:
    the tagger reads a district's short name as a common noun (青山 中心 区), which the report uses as the
    place its works are named after; alone (支持 青山 发展) the division rule names it already.

    >>> toks = [Token("青山", "n", 0, 2), Token("中心", "n", 2, 4), Token("青山", "n", 4, 6), Token("发展", "vn", 6, 8)]
    >>> [t.tag for t in _own_places(toks, ("青山",))]
    ['LOC', 'n', 'n', 'vn']
    """
    out = list(tokens)
    for k, t in enumerate(tokens[:-1]):
        if t.tag in ("n", "nz", "a") and t.word in shorts and tokens[k + 1].tag == "n":
            out[k] = replace(t, tag="LOC")
    return out


def extract_mentions(doc: Document) -> tuple[Mention, ...]:
    """Every typed name in ``doc``, one :class:`Mention` per occurrence.

    Parameters
    ----------
    doc : the normalised report.

    Returns
    -------
    Mentions sorted by (start, end, type); ``name`` is normalised, ``rule`` names the rule.

    Example
    -------
    >>> text = "支持金禾食品、青禾农业做大做强。"
    >>> doc = Document(text, (Sentence(0, text, 0, len(text), None, None),), ())
    >>> [(m.name, m.type) for m in extract_mentions(doc)]
    [('金禾食品', 'Company'), ('青禾农业', 'Company')]
    """
    sentences = [s for s in doc.sentences if not is_site_chrome(s.text)]
    shorts = region_shorts(doc)
    tagged = tag([s.text for s in sentences])
    known = known_names(tagged)
    mentions: list[Mention] = []
    shorts_left: list[tuple[int, Token]] = []
    for sentence, pairs in zip(sentences, tagged):
        tokens = _own_places(sentence_tokens(doc, sentence, pairs, known), shorts)
        candidates = (
            _lexicon_candidates(doc, sentence, tokens, shorts)
            + _head_candidates(doc, tokens)
            + list_candidates(doc, sentence, tokens)
            + frame_candidates(doc, sentence, tokens)
            + pattern_candidates(doc, sentence, tokens)
            + _capacity_candidates(doc, sentence, tokens)
            + _project_list_candidates(doc, tokens)
            + _bracket_candidates(doc, sentence, tokens)
            + _tagger_candidates(doc, tokens, shorts)
            + _campaign_candidates(doc, sentence, shorts)
        )
        fixed = [
            (sentence.start + m.start(), sentence.start + m.end())
            for regex in NOT_NAMES
            for m in regex.finditer(sentence.text)
        ] + quoted_honours(sentence)
        industries = industry_lists(sentence)
        candidates = [
            c
            for c in candidates
            if not any(c.start < e and s < c.end for s, e in fixed)
            and not in_title(doc, c)
            and not (is_weak_company(c) and any(s <= c.start and c.end <= e for s, e in industries))
        ]
        chosen = resolve(_no_firm_inside_a_noun(doc, candidates))
        chosen = _not_counted(doc, _divisions_as_places(chosen, shorts))
        chosen = _with_phases(doc, _built_facilities(doc, _working_bodies(doc, chosen)))
        nested = _investors(chosen, candidates) + _zones_of_bodies(doc, chosen)
        nested += [p for p in _nested_places(doc, tokens, chosen, candidates) if p not in nested]
        for c in chosen + nested:
            text = doc.text[c.start : c.end]
            mentions.append(Mention(c.name, c.type, sentence.index, c.start, c.end, text, c.rule))
        shorts_left += [(sentence.index, t) for t in _short_firm_words(tokens, chosen)]
    mentions += _short_firm_names(mentions, shorts_left)
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.type, m.name)))


def _short_firm_words(tokens: list[Token], chosen: list[Candidate]) -> list[Token]:
    """The two-character words the tagger read as organisations that no chosen name covers: alone they
    are mostly verbs or abbreviations (聚力, 深港), unless the report names a firm that opens with them
    (:func:`_short_firm_names`).

    >>> _short_firm_words([Token("恒达", "ORG", 0, 2), Token("实现", "v", 2, 4)], [])
    [Token(word='恒达', tag='ORG', start=0, end=2)]
    """
    return [
        t
        for t in tokens
        if t.tag == "ORG"
        and len(t.word) == 2
        and not any(c.start < t.end and t.start < c.end for c in chosen)
    ]


def _short_firm_names(mentions: list[Mention], words: list[tuple[int, Token]]) -> list[Mention]:
    """Company mentions for the short words (``words``: sentence index and token) that open the name of a
    company the report names in full (恒达 after 恒达不锈钢): a report writes a firm out once and
    shortens it after; the linker makes the two one company.

    >>> full = Mention("恒达不锈钢", "Company", 0, 0, 5, "恒达不锈钢", "head")
    >>> [(m.name, m.rule) for m in _short_firm_names([full], [(1, Token("恒达", "ORG", 9, 11))])]
    [('恒达', 'short-firm')]
    """
    firms = {m.name for m in mentions if m.type == "Company"}
    return [
        Mention(t.word, "Company", index, t.start, t.end, t.word, "short-firm")
        for index, t in words
        if any(f.startswith(t.word) and len(f) > len(t.word) for f in firms)
    ]
