"""fazhi (法治): composition root — settings and the command line."""
