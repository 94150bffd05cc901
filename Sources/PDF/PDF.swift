// The PDF module; see ../shared/docs/architecture.md.
