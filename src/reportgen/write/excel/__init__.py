"""Writing the official-layout workbook."""
