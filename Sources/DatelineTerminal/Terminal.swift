import CNcursesw
import DatelineUI
