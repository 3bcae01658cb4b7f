"""notebooks/explore.ipynb runs from a clean kernel without an error or a warning, and shows the report's figures.

The kernel is this interpreter (a kernelspec written to a temporary JUPYTER_PATH), so the test
runs the same on a fresh machine as here, whatever ``python`` means on the PATH.
"""

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook, executed in a fresh kernel of this interpreter, with its outputs."""
    import matplotlib.font_manager  # noqa: F401 - builds the font cache here, so the kernel never logs it

    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "govkg", "language": "python"})
    )
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(jupyter))
        # A runner's MPLBACKEND=Agg would reach the kernel and make plt.show() warn.
        patch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        client = NotebookClient(
            notebook,
            kernel_name="python3",
            timeout=120,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    return notebook


def tagged(notebook, tag: str) -> str:
    """Every text the cell tagged ``tag`` shows (streams, plain text and HTML of results), joined."""
    cells = [cell for cell in notebook.cells if tag in cell.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell should be tagged {tag!r}"
    texts = []
    for output in cells[0].get("outputs", []):
        texts.append(output.get("text", ""))
        data = output.get("data", {})
        texts.extend(data.get(kind, "") for kind in ("text/plain", "text/html"))
    return "\n".join(texts)


def test_every_code_cell_ran_without_an_error(executed):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count for cell in code)
    errors = [output for cell in code for output in cell.outputs if output.output_type == "error"]
    assert errors == []


def test_no_cell_printed_to_stderr(executed):
    printed = [
        output.text
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stderr"
    ]
    assert printed == []


#: What each tagged cell must show: facts read in the report, as the cell prints them.
SHOWN = {
    "ingest": r"2019年石鼓区政府工作报告 \| 湖南省衡阳市石鼓区 430407 \| 2019 年",
    "extract": r"原文： 地区生产总值175\.6亿元",
    "validate": r"SHACL 检查通过：True",
    "levels": r"地区生产总值\s+175\.60?\s+亿元",
    "targets": r"固定资产投资\s+11\.4\s+12\.0\s+地区生产总值\s+9\.0\s+8\.5\s+社会消费品零售总额\s+10\.5\s+11\.0",
    "status": r"已完成",
    "places": r"合江套湘江隧道\s+合江套",
    "companies": r"维也纳国际酒店\s+参与\s+高端度假酒店群",
    "central": r"0\s+衡阳市石鼓区\s+Place",
    "communities": r"悦莱酒店、维也纳国际酒店、高端度假酒店群",
    "path": r"华源 — 家居建材产业群 — 万居市场",
    "view": r"^<div><iframe srcdoc=\"&lt;html&gt;",
    "provenance": r"加快打造以华耀城为代表的商贸物流产业群",
    "own-text": r"地区生产总值\s+2020\s+target\s+7\.0\s+%\s+左右",
    "outcomes": r"地区生产总值\s+2020\s+7\.0\s+左右\s+6\.8\s+met",
    "history": r"金穗物流中心项目\s+2020\s+计划\s+2020\s+True",
}


@pytest.mark.parametrize("tag", sorted(SHOWN))
def test_cell_shows_the_reports_figures(executed, tag):
    assert re.search(SHOWN[tag], tagged(executed, tag), re.MULTILINE), tag


def test_the_chart_is_drawn(executed):
    (cell,) = [c for c in executed.cells if "chart" in c.get("metadata", {}).get("tags", [])]
    assert [sorted(output.data) for output in cell.outputs] == [["image/png", "text/plain"]]
