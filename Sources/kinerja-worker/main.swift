print("kinerja-worker")
