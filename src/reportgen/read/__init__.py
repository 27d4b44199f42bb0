"""Reading report data (YAML, workbooks) into the model, every value with its location."""
