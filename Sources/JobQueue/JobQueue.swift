// The JobQueue module; see ../shared/docs/architecture.md.
