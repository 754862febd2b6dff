"""The wage-and-hour rules, computed plainly; ``catalogue`` lists every code they emit."""
