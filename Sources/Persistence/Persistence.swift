// The Persistence module; see ../shared/docs/architecture.md.
