"""examples/quickstart.ipynb runs top to bottom in a real kernel and shows what it promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs: list[dict[str, Any]] = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    texts = "\n".join(
        str(o.get("text", ""))
        + str(o.get("data", {}).get("text/plain", ""))
        + str(o.get("data", {}).get("text/html", ""))
        for o in outputs
    )
    assert "Forum(id='central-soe-forum-2020'" in texts  # the short repr
    assert "<table><caption>Central SOE Poverty Alleviation Forum" in texts  # the rich display
    assert "超过45.78亿元" in texts  # totals, formatted in Chinese
    assert "ok  The parts add up to more than 4.578 billion yuan, within the whole" in texts  # the audit
    assert "!!  People benefiting from housing safety assistance and people benefiting" in texts
    assert "(True, False)" in texts  # additivity, declared by the forum
    assert "帮助脱贫的贫困县" in texts  # the frame, labelled in Chinese
    assert "近千亿元" in texts and "قرابة 100 مليار يوان" in texts  # summaries
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
