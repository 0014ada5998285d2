lambda_runtime = "1"
percent-encoding = "2"
