module leakcase

go 1.17
