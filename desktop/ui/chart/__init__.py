"""Charts: the pyqtgraph canvas, its colours and label rules, the panel of unit tabs, and the
renderer that turns a ChartSpec into an image of exactly the size asked."""
