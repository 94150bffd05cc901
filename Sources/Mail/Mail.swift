// The Mail module; see ../shared/docs/architecture.md.
