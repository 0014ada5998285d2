aws_lambda_events = { version = "1", default-features = false, features = ["sns"] }
