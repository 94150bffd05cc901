// The Kinerja module; see ../shared/docs/architecture.md.
