"""What the commands do, as a library: build, convert, start a new report."""
