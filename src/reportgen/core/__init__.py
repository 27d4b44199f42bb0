"""Small pure helpers with no dependency on the rest of reportgen."""
