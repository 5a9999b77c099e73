"""Presentation mode: the full-screen view, its layout maths (no widgets) and the kiosk timer."""

#: the settings group of presentation mode (theme, kiosk, kiosk timings)
SETTINGS_GROUP = "Present"
