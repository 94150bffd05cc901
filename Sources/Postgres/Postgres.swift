// The Postgres module; see ../shared/docs/architecture.md.
