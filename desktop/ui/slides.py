"""The deck in the app's look: the light chart style's colours and the document fonts, handed
to :mod:`desktop.domain.deck` (which knows no Qt)."""

from __future__ import annotations

import logging

from desktop import APP_NAME
from desktop.domain.dataset import Dataset
from desktop.domain.deck import DeckLook, build_deck
from desktop.domain.scope import Scope
from desktop.ui.chart.style import STYLES
from desktop.ui.fonts import DECK_EAST_ASIAN, DECK_LATIN
from desktop.ui.palette import PAGE

log = logging.getLogger(__name__)


def deck_look() -> DeckLook:
    colours = STYLES["light"]
    return DeckLook(fg=colours["fg"], muted=colours["muted"], bar=colours["bar"],
                    about=colours["about"], grid=colours["grid"], figure=PAGE["figure"],
                    latin=DECK_LATIN, east_asian=DECK_EAST_ASIAN, creator=APP_NAME)


class DeckError(Exception):
    """The deck could not be built; the message is one plain line (the details are logged)."""


def deck_bytes(dataset: Dataset, scope: Scope | None, lang: str) -> bytes:
    """The .pptx of ``scope`` (None: the whole dataset) in ``lang``."""
    try:
        return build_deck(dataset, scope, lang, deck_look())
    except Exception as exc:  # a library failing inside: one line for the user, details logged
        log.exception("the deck could not be built")
        raise DeckError(f"the deck could not be built ({type(exc).__name__}: {exc})") from None
