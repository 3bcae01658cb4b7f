"""Jupyter helpers: the interactive graph view inline, and charts that can draw Chinese.

``show(graph)`` puts the pyvis view of :mod:`kg.viz` in a notebook cell (an ``<iframe srcdoc>``
that holds the whole page, so it needs no file next to the notebook and no server);
``use_cjk_font()`` makes matplotlib draw Chinese labels with a font that is installed, and keeps
a machine without one quiet (boxes instead of characters, no warnings).
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import rdflib

if TYPE_CHECKING:
    from IPython.display import HTML

#: CJK-capable font families, most preferred first (Debian/Ubuntu, macOS and Windows names).
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "PingFang SC",
    "Heiti SC",
    "Microsoft YaHei",
    "SimHei",
)


def pick_font(installed: Iterable[str], preferred: Iterable[str] = CJK_FONTS) -> str | None:
    """The first of ``preferred`` font families that is among ``installed``, or None.

    >>> pick_font(["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"])
    'Noto Sans CJK SC'
    >>> pick_font(["DejaVu Sans"]) is None
    True
    """
    names = set(installed)
    return next((font for font in preferred if font in names), None)


def use_cjk_font(installed: Iterable[str] | None = None) -> str | None:
    """Make matplotlib draw Chinese: put an installed CJK font first in its sans-serif list.

    ``installed`` are the font families to choose from (default: every family matplotlib
    found on this machine). Returns the font chosen, or None when there is no CJK font;
    then Chinese labels draw as boxes and matplotlib's missing-glyph warnings are silenced,
    so a notebook still runs cleanly (install Debian's ``fonts-noto-cjk`` to see the characters).

    >>> import matplotlib
    >>> font = use_cjk_font()
    >>> font is None or matplotlib.rcParams["font.sans-serif"][0] == font
    True
    """
    import matplotlib
    from matplotlib import font_manager

    if installed is None:
        installed = (entry.name for entry in font_manager.fontManager.ttflist)
    font = pick_font(installed)
    if font is None:
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        return None
    sans = [name for name in matplotlib.rcParams["font.sans-serif"] if name != font]
    matplotlib.rcParams["font.sans-serif"] = [font, *sans]
    matplotlib.rcParams["font.family"] = "sans-serif"
    # CJK fonts often lack U+2212, matplotlib's minus sign: draw negative ticks with an ASCII hyphen.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return font


def show(
    graph: nx.MultiDiGraph | rdflib.Graph | str | Path | Iterable[str | Path],
    types: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
    height: int = 600,
    comention: bool = True,
    **options,
) -> HTML:
    """The interactive view of ``graph`` inline in a notebook cell (an IPython ``HTML`` object).

    Parameters
    ----------
    graph : a networkx graph from :func:`kg.network.to_networkx`, or what it accepts
        (an rdflib Graph or Dataset, graph files)
    types : node types to keep (default: the five entity types and Indicator)
    focus : show only the nodes within ``depth`` steps of the node with this name or alias
    height : height of the view in pixels
    comention : draw the faint 同句提及 edges between things named in one sentence (graph files only)
    options : passed to :func:`kg.viz.render` (``size_by``, ``color_by``, ``physics``, ``title``)

    Returns
    -------
    IPython.display.HTML: an ``<iframe srcdoc>`` holding the whole offline page of :mod:`kg.viz`
    (inline, so it stays in the saved notebook and needs no file or server).

    Example
    -------
    >>> view = show("tests/fixtures/viz-mini.ttl", types=["Project", "Place"], focus="十里街道")
    >>> view.data.startswith("<div><iframe srcdoc="), "vis-network" in view.data
    (True, True)
    """
    from IPython.display import HTML

    from kg.network import select_types, to_networkx
    from kg.viz import ego_network, render

    if isinstance(graph, nx.Graph):
        G = select_types(graph, types)
    else:
        G = to_networkx(graph, types=types, comention=comention)
    if focus is not None:
        G = ego_network(G, focus, depth)
    page = render(G, **options)
    # Wrapped in a div: IPython warns about a bare <iframe> (it suggests IFrame, which needs a file).
    return HTML(
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" width="100%" height="{int(height)}" '
        'style="border: 1px solid #ddd" sandbox="allow-scripts"></iframe></div>'
    )
