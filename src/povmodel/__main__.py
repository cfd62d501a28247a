import sys

from povmodel.cli import main

sys.exit(main())
