"""python -m wortlaut.training --train DIR --out DIR: the same as ``wortlaut train``."""

import argparse
import json
from pathlib import Path

from .train import train

ap = argparse.ArgumentParser(prog="python -m wortlaut.training", description="Train the German attribution CRFs.")
ap.add_argument("--train", type=Path, required=True, help="directory of corpus JSON files to learn from")
ap.add_argument("--out", type=Path, required=True, help="model directory to write")
ap.add_argument("--iterations", type=int, default=300)
ap.add_argument("--c1", type=float, default=0.01)
ap.add_argument("--c2", type=float, default=0.01)
args = ap.parse_args()
print(json.dumps(train(args.train, args.out, args.iterations, args.c1, args.c2), indent=1))
