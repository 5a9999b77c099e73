"""Plain helpers with no Qt and no UI: where bundled files are (frozen or not), where the
user's files go, logging, atomic writes. The domain, the UI and the command line all use them."""
