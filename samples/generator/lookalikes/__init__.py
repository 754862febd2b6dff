"""Synthetic look-alikes of real public payroll workbooks (issue 10).

Each module copies the *structure* and the traps of one layout met in real tour and crew
payroll files (sections, week-2 rows, rate columns, day-of-month grids, hidden helper
sheets ...) with invented people, companies and figures. Nothing here comes from a real
file's cells: the layouts were studied, the contents made up.
"""
