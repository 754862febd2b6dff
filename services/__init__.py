"""What the API, the CLI, the drop folder and the worker call: the only caller of the store for domain work."""
