{{#batch_failures.yes}}
aws_lambda_events = { version = "1", default-features = false, features = ["kinesis", "streams"] }
{{/batch_failures.yes}}
{{^batch_failures.yes}}
aws_lambda_events = { version = "1", default-features = false, features = ["kinesis"] }
{{/batch_failures.yes}}
