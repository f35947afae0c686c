"""The timeline dashboard: `streamlit run app.py [-- --db PATH]` (or bash scripts/dashboard.sh).

Thin on purpose: every decision lives in timeline.ui (page pieces) and the package below it.
"""
import streamlit as st

st.set_page_config(page_title="Timeline", layout="wide")

from timeline.ui import run  # noqa: E402 - page config must come first

run()
