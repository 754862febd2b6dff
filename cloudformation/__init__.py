"""CloudFormation templates for Punchline on AWS, and the code that keeps tables.yaml equal
to the PynamoDB models (generate_tables.py writes it, drift.py checks it)."""
