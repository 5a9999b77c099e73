"""Every colour the app draws with, in one place: the pages, the charts (light and dark), the
projector themes of presentation mode, and the mark on matched words."""

from __future__ import annotations

#: the browsing window's pages
PAGE = {
    "figure": "#1f5fa8",        # a fact's figure, the cards' figures
    "muted": "#57606a",         # crumbs, meta, who states it
    "border": "#d0d7de",        # cards and list rules
    "quote_bg": "#f4f1e8",      # the article's words
    "quote_fg": "#24292f",
    "quote_rule": "#c9a227",
    "mark": "#ffe066",          # matched words, the quote in the article
    "match_row": "#fff3b0",     # tree rows that match a search
    "selected_row": "#dbe9f8",  # the page list's chosen row: its figure and who-states-it still read
    "ink": "#000000",
}

#: charts on screen, in exports and in presentation mode
CHART = {
    "light": {"bg": "#ffffff", "fg": "#1b1f24", "muted": "#57606a", "bar": "#1f5fa8",
              "about": "#5b8fd0", "grid": "#d0d7de", "select": "#d9480f"},
    "dark": {"bg": "#0d1117", "fg": "#f0f3f6", "muted": "#a8b3bd", "bar": "#58a6ff",
             "about": "#8cc2ff", "grid": "#30363d", "select": "#ffa657"},
    # exported without a background, for a slide of any colour: every colour is of middle
    # lightness, so text reads at a contrast of at least 4.3:1 and bars at 3:1 on a white and on
    # a dark (#0d1117) slide alike
    "transparent": {"bg": "#00000000", "fg": "#6f7a85", "muted": "#6f7a85", "bar": "#2f7ad6",
                    "about": "#4c8fe0", "grid": "#7d8590", "select": "#d9480f"},
}

#: presentation mode: high contrast both ways; the background matches the chart's own style
PROJECTOR = {
    "dark": {"bg": CHART["dark"]["bg"], "fg": "#f0f3f6", "muted": "#b1bac4",
             "figure": "#ffa657", "chart": "dark"},
    "light": {"bg": CHART["light"]["bg"], "fg": "#1b1f24", "muted": "#4d5761",
              "figure": "#b3400b", "chart": "light"},
}
BLANK = "#000000"
