print("padan")
