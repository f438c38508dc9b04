import Models
import Plot

print("bench: no benchmarks yet")
