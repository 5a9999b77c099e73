"""Presentation mode: the full-screen view, its layout maths (no widgets) and the kiosk timer."""
