"""One FastAPI router per resource; ``create_app`` includes them in this order."""
