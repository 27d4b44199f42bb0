"""The shared core: the report model, findings, values, table grid, workbook layout, errors and exit codes."""
