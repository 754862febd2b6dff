"""What the rules share: which days and numbers they read (``selection``), issues (``issues``), totals (``totals``)."""
