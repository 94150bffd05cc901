// The HTTP module; see ../shared/docs/architecture.md.
