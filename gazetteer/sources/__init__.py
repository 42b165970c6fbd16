"""Where places come from: input formats (GeoNames dumps, CSV), the built-in default, downloads."""
