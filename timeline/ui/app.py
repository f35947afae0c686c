"""The dashboard as the installed package runs it (`timeline dashboard`); the checkout's app.py is the same.

Static files (the map's world outlines) are served from static/ beside this file.
"""
import streamlit as st

st.set_page_config(page_title="Timeline", layout="wide")

from timeline.ui import run  # noqa: E402 - page config must come first

run()
