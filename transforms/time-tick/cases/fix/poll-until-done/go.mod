module leakcase

go 1.22
