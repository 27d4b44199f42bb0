"""The shared core: the report model, findings, values and numerals, table grid, workbook layout, errors."""
