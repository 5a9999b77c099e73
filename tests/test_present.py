"""Presentation mode, driven with the keys a speaker (or a clicker) presses, and the booth kiosk on
a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication


PROGRESS = ["progress-goals", "st-agreements-countries", "joint-laboratories",
            "tech-transfer-centres", "young-scientists", "fields-deepened-cooperation"]


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_kiosk(window, clock):
    """Kiosk mode on the fake clock; switched off again after the test."""
    made = []

    def make(**options):
        kiosk = window.presenter.enable_kiosk(clock=clock, **options)
        made.append(kiosk)
        return kiosk
    yield make
    for kiosk in made:
        kiosk.shutdown()


@pytest.fixture
def view(window, qtbot):
    """The theme “Progress in figures” presented with F5 while its third fact is selected."""
    window.select_fact("joint-laboratories")
    assert list(window.current_scope().fact_ids) == PROGRESS
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    shown = window.presenter.view
    assert shown is not None
    qtbot.waitExposed(shown)
    shown.resize(1280, 720)
    yield shown
    if shown.isVisible():
        shown.close()


def shown(view) -> tuple[str, str]:
    return view.fact_id, view.mark.text()


def centre_colour(view) -> QColor:
    """The background colour of the screen."""
    image = view.grab().toImage()
    return image.pixelColor(image.width() // 2, 6)  # the top margin: background, never text


def test_f5_starts_at_the_first_fact_of_the_theme(view, window, dataset):
    assert view.isVisible() and view.isWindow()
    assert shown(view) == ("progress-goals", "1 / 6")
    assert view.title.text() == dataset.facts.at["progress-goals", "title_zh"]
    assert view.statement.text() == dataset.facts.at["progress-goals", "text_zh"]


@pytest.mark.parametrize("forward, back", [
    (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp),
    (Qt.Key.Key_Right, Qt.Key.Key_Left),
    (Qt.Key.Key_Space, Qt.Key.Key_Backspace),
    (Qt.Key.Key_Down, Qt.Key.Key_Up),
])
def test_keys_walk_the_deck_in_tree_order_and_stop_at_both_ends(view, qtbot, forward, back):
    seen = [shown(view)]
    for _ in range(len(PROGRESS) + 2):  # two presses past the end
        qtbot.keyClick(view, forward)
        seen.append(shown(view))
    assert [fid for fid, _ in seen[:6]] == PROGRESS
    assert [mark for _, mark in seen[:6]] == [f"{i} / 6" for i in range(1, 7)]
    assert seen[6:] == [("fields-deepened-cooperation", "6 / 6")] * 3  # no wrap
    for _ in range(len(PROGRESS) + 2):
        qtbot.keyClick(view, back)
    assert shown(view) == ("progress-goals", "1 / 6")


def test_home_and_end(view, qtbot):
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert shown(view) == ("fields-deepened-cooperation", "6 / 6")
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert shown(view) == ("progress-goals", "1 / 6")


def test_a_fact_with_a_figure_shows_it_large_with_its_chart_bar_selected(view, qtbot, dataset):
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.fact_id == "st-agreements-countries"
    assert view.figure_text() == "80多个"
    assert view.figure.font().pixelSize() > 2.5 * view.statement.font().pixelSize()
    assert "截至2023年" in view.source.text()
    assert dataset.citation(dataset.facts.at["st-agreements-countries", "source"], "zh") \
        in view.source.text()
    assert view.canvas is not None and view.canvas.isVisible()
    assert not view.canvas.interactive
    assert view.canvas.selected == "st-agreements-countries"
    assert "st-agreements-countries" in [fid for fid, _ in view.canvas.bar_values()]
    assert view.canvas.value_labels() == ["80多个"]
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # a statement without a number: no chart
    assert not view.figure.isVisible() and not view.canvas.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_Period])
def test_b_and_period_blank_the_screen_and_restore_it(view, qtbot, key):
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    before = centre_colour(view)
    qtbot.keyClick(view, key)
    assert view.blanked and view.blank.isVisible()
    assert centre_colour(view) == QColor("#000000")
    qtbot.keyClick(view, key)
    assert not view.blanked and not view.blank.isVisible()
    assert centre_colour(view) == before
    assert shown(view) == ("st-agreements-countries", "2 / 6")


def test_a_navigation_key_restores_a_blank_screen_without_moving_on(view, qtbot):
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert not view.blank.isVisible()
    assert shown(view) == ("progress-goals", "1 / 6")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert shown(view) == ("st-agreements-countries", "2 / 6")


def test_escape_returns_to_the_browser_on_the_fact_shown(view, window, qtbot):
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.fact_id == "young-scientists"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert window.current_fact == "young-scientists"
    assert window.detail.fact_id == "young-scientists"
    assert QApplication.overrideCursor() is None


def test_shift_f5_starts_at_the_current_fact(window, qtbot):
    window.select_fact("tech-transfer-centres")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    view = window.presenter.view
    assert view.isVisible()
    assert shown(view) == ("tech-transfer-centres", "4 / 6")
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_the_deck_is_the_search_result(window, qtbot):
    qtbot.keyClicks(window.search, "laborator")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    deck = list(window.current_scope().fact_ids)
    assert 1 < len(deck) < len(window.dataset.facts)
    window.presenter.start()
    view = window.presenter.view
    assert shown(view) == (deck[0], f"1 / {len(deck)}")
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert shown(view) == (deck[-1], f"{len(deck)} / {len(deck)}")
    view.close()


def test_t_toggles_the_projector_theme_and_remembers_it(view, window, qtbot):
    assert view.theme == "dark"
    dark = centre_colour(view)
    assert dark.lightness() < 40
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.theme == "light"
    assert centre_colour(view).lightness() > 215
    assert window.settings.value("Present/theme") == "light"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the chart follows the theme
    assert view.canvas.style_name == "light"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert view.theme == "light"  # the next presentation starts in the theme chosen
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.theme == "dark" and window.settings.value("Present/theme") == "dark"


def test_the_presentation_follows_the_language(view, window, qtbot, dataset):
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    window.set_language("en")
    assert view.title.text() == dataset.facts.at["st-agreements-countries", "title_en"]
    assert view.figure_text() == "80+ countries"
    assert view.canvas.value_labels() == ["80+ countries"]
    assert view.mark.text() == "2 / 6"
    qtbot.keyClick(view, Qt.Key.Key_L)  # and L switches it from the presentation
    assert window.lang == "zh"
    assert view.figure_text() == "80多个"


def test_type_follows_the_screen_size(view, qtbot):
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    view.resize(1280, 720)
    small = view.figure.font().pixelSize()
    view.resize(3840, 2160)
    large = view.figure.font().pixelSize()
    assert small >= 72  # legible from the back of a room
    assert large == pytest.approx(3 * small, rel=0.05)
    assert view.canvas.scale > 2.5


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_fact_is_cut_off_at_1280_by_720(window, qtbot, dataset, lang):
    window.set_language(lang)
    window.presenter.present(list(dataset.facts.index), 0)
    view = window.presenter.view
    view.resize(1280, 720)
    for _ in range(len(dataset.facts)):
        for label in view.text_labels:
            if not label.text():
                continue
            box = label.geometry()
            where = (view.fact_id, label.objectName())
            assert box.height() >= label.heightForWidth(box.width()), where
            assert view.rect().contains(box), where
            assert label.font().pixelSize() >= 16, where
        if view.spec is not None:
            chart = view.canvas
            assert view.rect().contains(chart.geometry())
            assert chart.ci.geometry().height() <= chart.height() + 1, view.fact_id
            assert not chart.geometry().intersects(view.statement.geometry())
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    view.close()


def test_the_mouse_cursor_hides_when_still_and_returns_on_a_move(view, qtbot):
    assert view.cursor_timer.isActive() and view.cursor_timer.interval() == 2000
    view.cursor_timer.timeout.emit()  # two seconds without a move
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.mouseMove(view, QPoint(200, 200))
    qtbot.mouseMove(view, QPoint(240, 260))
    assert QApplication.overrideCursor() is None
    assert view.cursor_timer.isActive()
    view.cursor_timer.timeout.emit()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert QApplication.overrideCursor() is None  # leaving always gives the cursor back


def test_kiosk_cycles_the_headline_facts_when_idle_and_a_key_hands_back(window, qtbot, dataset,
                                                                        clock, make_kiosk):
    kiosk = make_kiosk()
    headline = dataset.headline_facts()
    window.select_fact("young-scientists")

    clock.advance(3 * 60 - 1)
    kiosk.tick()
    assert window.presenter.view is None
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # someone uses the browser: the wait starts again
    clock.advance(60)
    kiosk.tick()
    assert not kiosk.active

    clock.advance(3 * 60)
    with qtbot.waitSignal(kiosk.started):
        kiosk.tick()
    view = window.presenter.view
    assert view.isVisible() and view.kiosk and view.hint.isVisible()
    assert window.current_scope().key == "overview" and window.current_fact is None  # the browser
    # went back to the overview
    assert shown(view) == (headline[0], f"1 / {len(headline)}")
    clock.advance(7)
    kiosk.tick()
    assert view.fact_id == headline[0]  # slowly
    clock.advance(1)
    kiosk.tick()
    assert shown(view) == (headline[1], f"2 / {len(headline)}")
    for _ in range(len(headline) - 1):  # round and round
        clock.advance(8)
        kiosk.tick()
    assert shown(view) == (headline[0], f"1 / {len(headline)}")
    clock.advance(8)
    kiosk.tick()

    with qtbot.waitSignal(kiosk.stopped):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)  # a visitor presses any key
    assert not kiosk.active and not view.isVisible()
    assert window.current_fact == headline[1]  # the browser opens on the fact they saw
    clock.advance(60)
    kiosk.tick()
    assert not view.isVisible()


def test_kiosk_stops_on_a_click_and_leaves_a_speakers_presentation_alone(window, qtbot, clock,
                                                                          make_kiosk):
    kiosk = make_kiosk(idle_minutes=1)
    clock.advance(61)
    kiosk.tick()
    view = window.presenter.view
    assert kiosk.active and view.isVisible()
    with qtbot.waitSignal(kiosk.stopped):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    assert not view.isVisible()

    window.select_fact("joint-laboratories")
    window.presenter.start_here()  # a speaker is talking, pressing nothing
    clock.advance(600)
    kiosk.tick()
    assert not kiosk.active and not view.kiosk
    assert view.fact_id == "joint-laboratories"
    view.close()


def test_kiosk_setting_and_idle_minutes(window, qapp):
    from desktop.ui.launch import open_main_window
    window.settings.setValue("Present/kiosk", True)
    window.settings.setValue("Present/kiosk_idle_minutes", 5)
    window.settings.sync()
    other = open_main_window(qapp, lang="zh", show=False)
    try:
        kiosk = other.presenter.kiosk
        assert kiosk is not None and kiosk.idle_seconds == 300
        assert kiosk.timer.isActive()
    finally:
        if other.presenter.kiosk is not None:
            other.presenter.kiosk.shutdown()
        other.close()
        other.deleteLater()
    assert window.presenter.kiosk is None  # off by default


def test_kiosk_flag_on_the_command_line():
    from desktop.cli import build_parser
    assert build_parser().parse_args(["--kiosk"]).kiosk is True
    assert build_parser().parse_args([]).kiosk is False
