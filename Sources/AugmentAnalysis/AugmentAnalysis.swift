/// Error-analysis tables, per-slice and per-class metrics, and augmentation plans.
