print("HTTPFuzz: build with -DFUZZING, see README")
