print("dateline-bench")
