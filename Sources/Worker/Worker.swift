// The Worker module; see ../shared/docs/architecture.md.
