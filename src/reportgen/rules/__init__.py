"""Rules: the catalogue and the checks that need a whole report."""
