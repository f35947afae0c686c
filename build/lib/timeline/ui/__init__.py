"""The Streamlit dashboard's page pieces; app.py calls `run()`. The only streamlit code in the package."""
from timeline.ui.page import run

__all__ = ["run"]
