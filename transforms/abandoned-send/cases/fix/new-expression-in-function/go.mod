module leakcase

go 1.26
