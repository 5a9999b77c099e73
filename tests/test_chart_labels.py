"""A bar's label sits on the axis beside its bar: on two lines where the bar's row has room for
them, on one line cut with "…" where it has not (a 1280×720 projector's chart panel: two-line
labels ran into the next bar's)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.domain.charts import Bar, ChartSpec
from desktop.ui.chart.canvas import ChartCanvas, _font

LABELS = ["Agricultural technology demonstration centres",
          "Transnational technology transfer centres",
          "Overseas science and education centres"]


KEEP: list[QWidget] = []


def _spec() -> ChartSpec:
    bars = tuple(Bar(fact_id=f"f{i}", label=label, value=v, qualifier="exact",
                     figure=f"{v:g} centres", unit="centres")
                 for i, (label, v) in enumerate(zip(LABELS, (20, 9, 10))))
    return ChartSpec(key="test--centres", scope=None, lang="en", title="Headline figures",
                     unit="centres", bars=bars, footer="Source: the article")


def _shown(qtbot, width: int, height: int) -> ChartCanvas:
    # in a plain window, as in the app (pyqtgraph's own close() crashes on a top-level canvas)
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    canvas = ChartCanvas(holder, interactive=False)
    layout.addWidget(canvas)
    holder.resize(width, height)
    holder.show()
    canvas.set_spec(_spec())
    qtbot.waitExposed(holder)
    qtbot.waitUntil(lambda: canvas.plot.vb.height() > 0)
    KEEP.append(holder)  # alive until the test ends (qtbot closes it)
    return canvas


def _row_and_line(canvas: ChartCanvas) -> tuple[float, int]:
    row = canvas.plot.vb.height() / (len(LABELS) - 1 + 2 * canvas._pad)
    return row, QFontMetrics(_font(13.5 * canvas.scale)).lineSpacing()


def test_labels_break_onto_two_lines_where_there_is_room(qapp, qtbot):
    canvas = _shown(qtbot, 1200, 700)
    row, line = _row_and_line(canvas)
    assert row >= 2 * line
    labels = canvas.axis_labels()
    assert len(labels) == 3 and all("\n" in label for label in labels[:2])
    assert [label.replace("\n", " ") for label in labels] == LABELS   # nothing cut


def test_in_a_small_chart_each_label_keeps_to_one_line_of_its_own_row(qapp, qtbot):
    canvas = _shown(qtbot, 900, 230)
    row, line = _row_and_line(canvas)
    assert row < 2 * line                                  # two lines would overlap here
    labels = canvas.axis_labels()
    assert len(labels) == 3 and not any("\n" in label for label in labels)
    assert all(LABELS[i].startswith(label.rstrip("…")) for i, label in enumerate(labels))
    canvas.parentWidget().resize(1200, 700)                # room again: two lines come back
    qtbot.waitUntil(lambda: "\n" in canvas.axis_labels()[0])
