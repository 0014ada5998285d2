lambda_runtime = "1"
