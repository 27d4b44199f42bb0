"""Excel workbooks in the official layout: templates, reading filled workbooks."""
