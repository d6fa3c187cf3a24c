module leakcase

go 1.23
