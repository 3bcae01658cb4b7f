"""kg.notebook: the inline view and the Chinese-capable charts."""

import html
import json
import re
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
from browser import chromium_available, open_page, wait_until_drawn

from kg.network import ViewError, to_networkx
from kg.notebook import CJK_FONTS, pick_font, show, use_cjk_font

MINI = Path(__file__).parent / "fixtures" / "viz-mini.ttl"


def page_of(view) -> str:
    """The page inside the iframe's srcdoc, unescaped."""
    match = re.fullmatch(
        r'<div><iframe srcdoc="([^"]*)" width="100%" height="\d+"[^>]*></iframe></div>', view.data
    )
    assert match, view.data[:200]
    return html.unescape(match.group(1))


def labels(page: str) -> set[str]:
    """The labels of the nodes and edges drawn (pyvis writes them as JSON with \\u escapes)."""
    return {json.loads(f'"{text}"') for text in re.findall(r'"label": "((?:[^"\\]|\\.)*)"', page)}


def test_show_wraps_the_whole_offline_page_in_one_iframe():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        view = show(MINI, height=420)
    assert [str(w.message) for w in caught] == []
    assert view.data.startswith('<div><iframe srcdoc="&lt;html&gt;')
    assert 'height="420"' in view.data
    page = page_of(view)
    assert page.lstrip().startswith("<html>") and "vis-network" in page
    assert re.search(r"(src|href)\s*=\s*[\"']https?://", page) is None
    # The srcdoc attribute cannot be closed early by the page: no raw double quote inside it.
    assert '"' not in view.data[len('<div><iframe srcdoc="') : view.data.index('" width=')]


def test_show_keeps_the_types_asked_for():
    page = page_of(show(MINI, types=["Project", "Place"], comention=False))
    assert labels(page) == {
        "滨江大道改造工程",
        "十里街道",
        "濂溪区",
        "新材料产业园",
        '"><img src=x onerror=alert(1)>',
        "位于",
        "属于",
    }


def test_show_focus_keeps_the_neighbourhood_of_a_name():
    page = page_of(show(MINI, types=["Project", "Place"], focus="十里街道", comention=False))
    assert labels(page) == {"十里街道", "濂溪区", "滨江大道改造工程", "位于"}


def test_show_accepts_a_networkx_graph_and_an_rdflib_graph():
    import rdflib

    from_files = page_of(show(MINI, types=["Place"]))
    from_networkx = page_of(show(to_networkx(MINI), types=["Place"]))
    from_rdflib = page_of(show(rdflib.Graph().parse(MINI), types=["Place"]))
    assert (
        labels(from_files) == labels(from_networkx) == labels(from_rdflib) == {"十里街道", "濂溪区", "位于"}
    )


def test_show_reports_an_unknown_name_or_type_plainly():
    with pytest.raises(ViewError, match="No node is named '无此地'"):
        show(MINI, focus="无此地")
    with pytest.raises(ViewError, match="Unknown node type 'Street'"):
        show(MINI, types=["Street"])


def test_show_passes_view_options_on():
    page = page_of(show(MINI, color_by="community", title="濂溪区"))
    assert '"colorBy": "community"' in page and '"title": "濂溪区"' in page
    with pytest.raises(ViewError, match="Unknown colour mode"):
        show(MINI, color_by="rainbow")


def test_pick_font_prefers_the_earlier_candidate():
    assert pick_font(["SimHei", "WenQuanYi Zen Hei"]) == "WenQuanYi Zen Hei"
    assert pick_font(["乙", "甲"], preferred=["甲", "乙"]) == "甲"
    assert pick_font([]) is None
    assert CJK_FONTS[0] == "Noto Sans CJK SC"


def draw_chinese_chart() -> None:
    figure, axes = plt.subplots()
    axes.bar(["地区生产总值", "固定资产投资"], [9.0, 11.4])
    axes.set_title("2018年增速")
    figure.canvas.draw()
    plt.close(figure)


def test_use_cjk_font_puts_the_font_first():
    with matplotlib.rc_context():
        assert use_cjk_font(["DejaVu Sans", "SimHei"]) == "SimHei"
        assert matplotlib.rcParams["font.sans-serif"][0] == "SimHei"
        assert matplotlib.rcParams["font.family"] == ["sans-serif"]


@pytest.mark.parametrize("installed", [None, ["DejaVu Sans"]], ids=["this-machine", "no-cjk-font"])
def test_use_cjk_font_draws_chinese_without_a_warning(installed):
    with warnings.catch_warnings(record=True) as caught, matplotlib.rc_context():
        warnings.simplefilter("always")
        chosen = use_cjk_font(installed)
        draw_chinese_chart()
    assert [str(w.message) for w in caught] == []
    if installed is not None:
        assert chosen is None


@pytest.mark.skipif(not chromium_available(), reason="needs /usr/bin/chromium (.ci/install-chromium.sh)")
def test_the_inline_view_draws_in_a_browser_offline(tmp_path):
    host = tmp_path / "cell.html"
    host.write_text(f"<html><body>{show(MINI, height=500).data}</body></html>", encoding="utf-8")
    with open_page(host) as (page, record):
        (frame,) = [frame for frame in page.frames if frame != page.main_frame]
        wait_until_drawn(frame)
        drawn = frame.evaluate("document.querySelectorAll('canvas').length")
    assert drawn == 1
    assert (record.console_errors, record.page_errors, record.dialogs, record.external_requests) == (
        [],
        [],
        [],
        [],
    )
