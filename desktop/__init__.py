"""BRI S&T Fact Browser: the facts of 深化“一带一路”科技创新合作, offline, in Chinese and English."""

__version__ = "1.0.0"
APP_NAME = "BRI S&T Fact Browser"
APP_ID = "bri-facts"
ORG_NAME = "bri-facts"
