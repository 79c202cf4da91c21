"""Documents in, attributed passages out; indexes them and finds hits."""
