print("kinerja-api")
