"""Formal verification of the rules with z3 (see solver.py for the outcome table)."""
