"""The PDF backend: ReportLab layout of a document, with grey proofs, form fields,
imposed cards and packs."""
