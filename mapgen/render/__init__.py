"""Rendering: wrap the shaped payload in folium/branca elements and write one HTML page."""
