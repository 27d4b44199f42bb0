"""Reading filled workbooks safely."""
