#!/bin/sh
# Build the component (needs the componentize-py of requirements.txt).
set -e
cd "$(dirname "$0")"
componentize-py -d wit -w sandbox componentize app -o sandbox.wasm
