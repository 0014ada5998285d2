lambda_http = "1"
