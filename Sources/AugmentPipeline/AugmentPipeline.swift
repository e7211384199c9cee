/// Recipes, the checklist, calibration, the slice run, manifests and previews.
