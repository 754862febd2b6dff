"""Evidence a reading is built from: what a column's cells look like, what a formula adds up.

Layout families and column roles are decided by scoring this evidence, never by one header word alone
(issue 10): a "Name" header over two-letter state codes is a state column, a "Rate" column far to the
right of the day columns is a helper table, a cell whose formula is ``SUM`` over a row's day cells is a
total the file states for that row.
"""
