// The API module: routes and handlers of kinerja-api.
