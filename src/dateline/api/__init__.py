"""The web service: a REST API over an event store and a dashboard (``dateline serve``).

``create_app(db_path, write_token=None)`` returns the FastAPI application; needs the ``web``
extra (``pip install 'dateline[web]'``).
"""

from dateline.api.app import create_app

__all__ = ["create_app"]
