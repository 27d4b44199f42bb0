"""Checking reports: the rules, one file's validation, whole runs over many files and their reporters."""
