module leakcase

go 1.21
