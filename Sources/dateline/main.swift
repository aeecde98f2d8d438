import DatelineModel

print("dateline")
