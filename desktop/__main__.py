"""`python -m desktop` starts the app, exactly like the `bri-facts` executable."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
