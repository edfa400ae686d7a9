"""Reports over labeled sentences."""
